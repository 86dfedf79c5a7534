"""Prioritisation (issue 22): the platform's queue, the assessment of a case and an applicant's standing, in headless chromium.

The demo's BFR queue: BFR-2026-0006 (Tandröntgen, Anna's, submitted first, re-assessed down to 5 points), BFR-2026-0007
(Endoskopi, Bo's, 13 points) and BFR-2026-0008 (Strålbehandling, Anna's, 20 points), so the queue's order, 0008, 0007,
0006, is not the order of submission. BFR-2026-0002 and 0003 are not assessed; 0004 and 0005 are running.
The tests share one demo server (run.sh): the first re-assesses BFR-2026-0006 up, so the others do not depend on its place.
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_pages import BASE, browser, press, shot, sign_in, sign_out  # noqa: F401 (browser is a fixture)
from test_working_surface import full_shot, open_case, serious_violations

QUEUE = BASE + "/platforms/bfr/queue"


def waiting(driver):
    """The queue's waiting table as (position, case number, points) rows, in the page's order."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#waiting tbody tr")
    cells = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    return [(cell[0], cell[1], cell[4]) for cell in cells]


def numbers(driver, section_id):
    """The case numbers linked in a section's table, in the page's order."""
    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#%s tbody tr td a" % section_id)]


def history(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#assessment-history ol > li")


def test_coordinator_reads_the_queue_and_reassesses_a_case_up(browser):
    sign_in(browser, "cora@vgregion.example")
    browser.get(QUEUE)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kön till BFR"
    assert waiting(browser) == [("1", "BFR-2026-0008", "20"), ("2", "BFR-2026-0007", "13"), ("3", "BFR-2026-0006", "5")]
    # Privatkliniken's case is in the team's queue: the coordinator sees every organisation.
    assert "Privatkliniken Syd AB" in browser.find_element(By.ID, "waiting").text
    not_assessed = numbers(browser, "not-assessed")
    assert {"BFR-2026-0002", "BFR-2026-0003"} <= set(not_assessed), not_assessed
    assert not set(not_assessed) & {"BFR-2026-0006", "BFR-2026-0007", "BFR-2026-0008"}
    assert {"BFR-2026-0004", "BFR-2026-0005"} <= set(numbers(browser, "running"))
    assert "För lite historik" in browser.find_element(By.ID, "forecast-note").text
    assert "BFR-2026-0008" in browser.find_element(By.ID, "offered-case").text
    assert browser.find_element(By.ID, "start-offered").is_displayed()
    assert browser.find_element(By.ID, "capacity-input").get_attribute("value")
    assert "poängordning" in browser.find_element(By.ID, "queue-rule").text
    full_shot(browser, "30-bfr-queue-coordinator")

    open_case(browser, "BFR-2026-0006")
    section = browser.find_element(By.ID, "prioritisation")
    assert "plats 3 av 3" in section.find_element(By.ID, "queue-standing").text
    assert section.find_element(By.ID, "queue-link").get_attribute("href").endswith("/platforms/bfr/queue")
    press(browser, section.find_element(By.ID, "assess-link"))
    assert browser.current_url.endswith("/assessment")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Bedömning BFR-2026-0006")

    # The applicant's description and proposal beside each criterion's score.
    assert "Sökandens förslag ger" in browser.find_element(By.ID, "proposal").text
    safety = browser.find_element(By.ID, "criterion-patientsakerhet")
    says = safety.find_element(By.CSS_SELECTOR, "p.applicant-says").text
    assert says.startswith("Sökanden skriver:") and len(says) > len("Sökanden skriver: ")
    assert "Sökandens förslag: 3" in safety.text
    assert Select(browser.find_element(By.ID, "score-patientsakerhet")).first_selected_option.text == "1"

    # Two assessments so far, the newest first: the second with its reason and what it changed.
    entries = history(browser)
    assert len(entries) == 2
    assert entries[0].text.startswith("Bedömning 2,") and ": 5 poäng" in entries[0].text
    assert "Skäl:" in entries[0].text
    assert re.search(r"Ändrat: .*Summa 6 → 5", entries[0].text), entries[0].text
    assert entries[1].text.startswith("Bedömning 1,") and "Skäl:" not in entries[1].text

    # Every score higher: 4 + 2 × 2 + 2 + 2 and 1 for the size is 13, as many as BFR-2026-0007,
    # and 0006 was submitted first, so it goes before 0007.
    scores = {"lagkrav": "4", "patientsakerhet": "2", "verksamhetsnytta": "2", "informationssakerhet": "2"}
    for criterion, score in scores.items():
        Select(browser.find_element(By.ID, "score-" + criterion)).select_by_value(score)
        rationale = browser.find_element(By.ID, "rationale-" + criterion)
        rationale.clear()
        rationale.send_keys("Omprövat i webbläsartest: betyg " + score + ".")

    # Without a reason: the same form again, the choices kept, the error at the reason field.
    press(browser, browser.find_element(By.ID, "assessment-submit"))
    reason = browser.find_element(By.ID, "reason")
    assert reason.get_attribute("aria-invalid") == "true"
    error = browser.find_element(By.ID, reason.get_attribute("aria-describedby"))
    assert "Ange varför bedömningen ändras" in error.text, error.text
    assert Select(browser.find_element(By.ID, "score-lagkrav")).first_selected_option.text == "4"
    assert browser.find_element(By.ID, "rationale-lagkrav").get_attribute("value") == "Omprövat i webbläsartest: betyg 4."
    assert len(history(browser)) == 2
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", reason)
    shot(browser, "33-assessment-reason-missing")

    reason.send_keys("Regionen har sedan dess infört ett lagkrav på digitala röntgensvar.")
    press(browser, browser.find_element(By.ID, "assessment-submit"))
    assert browser.current_url.endswith("/assessment")
    assert browser.find_element(By.ID, "reason").get_attribute("aria-invalid") is None
    entries = history(browser)
    assert len(entries) == 3
    newest = entries[0].text
    assert newest.startswith("Bedömning 3,") and ": 13 poäng" in newest, newest
    assert "Skäl: Regionen har sedan dess infört ett lagkrav" in newest
    assert "Lagkrav 0 → 4" in newest and "Summa 5 → 13" in newest, newest
    full_shot(browser, "31-assessment-page")

    browser.get(QUEUE)
    assert waiting(browser) == [("1", "BFR-2026-0008", "20"), ("2", "BFR-2026-0006", "13"), ("3", "BFR-2026-0007", "13")]
    open_case(browser, "BFR-2026-0006")
    assert "plats 2 av 3" in browser.find_element(By.ID, "queue-standing").text
    sign_out(browser)


def test_applicant_sees_only_her_own_place_in_the_queue(browser):
    sign_in(browser, "anna@vardgivare.example")
    browser.get(BASE + "/queue")
    assert browser.current_url == QUEUE
    own = numbers(browser, "own-cases")
    assert {"BFR-2026-0002", "BFR-2026-0003", "BFR-2026-0004", "BFR-2026-0005",
            "BFR-2026-0006", "BFR-2026-0008"} <= set(own), own
    assert "BFR-2026-0007" not in own
    for other in ("Privatkliniken", "Endoskopi", "BFR-2026-0007"):
        assert other not in browser.page_source, other
    # The team's working parts are not shown to an applicant.
    for team_only in ("capacity", "offered", "waiting", "not-assessed", "running"):
        assert not browser.find_elements(By.ID, team_only), team_only
    assert "poängordning" in browser.find_element(By.ID, "queue-rule").text
    rows = {row.find_element(By.TAG_NAME, "a").text: row for row in
            browser.find_elements(By.CSS_SELECTOR, "#own-cases tbody tr")}
    assert "först i kön" in rows["BFR-2026-0008"].find_element(By.CLASS_NAME, "standing").text
    assert "inte bedömt" in rows["BFR-2026-0002"].find_element(By.CLASS_NAME, "standing").text
    full_shot(browser, "32-applicant-queue")

    open_case(browser, "BFR-2026-0006")
    section = browser.find_element(By.ID, "prioritisation")
    standing = section.find_element(By.ID, "queue-standing").text
    # Third before the first test re-assesses it, second after; either way the places before it agree.
    place = re.search(r"plats (\d+) av (\d+) i kön; (\d+) ärenden? ligger före", standing)
    assert place, standing
    assert int(place.group(3)) == int(place.group(1)) - 1 and int(place.group(1)) in (2, 3)
    assert "poängordning" in section.find_element(By.ID, "queue-rule").text
    assert section.find_element(By.ID, "queue-link").get_attribute("href").endswith("/platforms/bfr/queue")
    assert not section.find_elements(By.ID, "assess-link")
    assert "Privatkliniken" not in browser.page_source
    # The assessment page is the team's: for the applicant it is not there.
    browser.get(browser.current_url.split("?")[0].split("#")[0] + "/assessment")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sidan finns inte"
    browser.get(QUEUE)
    sign_out(browser)


def test_no_serious_accessibility_violations_in_the_queue_and_the_assessment(browser):
    pages = []
    sign_in(browser, "cora@vgregion.example")
    browser.get(QUEUE)
    pages.append(("coordinator queue", serious_violations(browser)))
    open_case(browser, "BFR-2026-0006")
    pages.append(("coordinator case page with prioritisation", serious_violations(browser)))
    press(browser, browser.find_element(By.ID, "assess-link"))
    pages.append(("assessment page", serious_violations(browser)))
    press(browser, browser.find_element(By.ID, "assessment-submit"))  # no reason: the form with its error
    assert browser.find_element(By.ID, "reason").get_attribute("aria-invalid") == "true"
    pages.append(("assessment page with an error", serious_violations(browser)))
    sign_out(browser)
    sign_in(browser, "anna@vardgivare.example")
    browser.get(BASE + "/queue")
    pages.append(("applicant queue", serious_violations(browser)))
    open_case(browser, "BFR-2026-0006")
    pages.append(("applicant case page with prioritisation", serious_violations(browser)))
    sign_out(browser)
    sign_in(browser, "tor@regionstockholm.example")
    browser.get(BASE + "/queue")
    assert browser.current_url == BASE + "/platforms/takecare/queue"
    pages.append(("TakeCare coordinator queue", serious_violations(browser)))
    sign_out(browser)
    found = [(page, violations) for page, violations in pages if violations]
    assert not found, found
