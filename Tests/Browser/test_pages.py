"""The pages as a person uses them, in headless chromium against `anslut demo` (see run.sh)."""
import os
import re
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("ANSLUT_URL", "http://127.0.0.1:8080")
PASSWORD = "anslut-demo-2026"
SHOTS = os.path.join(os.path.dirname(__file__), "screenshots")


@pytest.fixture
def browser():
    opts = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(argument)
    opts.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def press(driver, element):
    """Clicks a link or submit button and waits until the next page has replaced this one."""
    element.click()

    def replaced(_):
        try:
            element.tag_name
            return False
        except WebDriverException:  # stale, or chromium's "node does not belong to the document"
            return True

    WebDriverWait(driver, 10).until(replaced)


def sign_in(driver, email, password=PASSWORD):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    press(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def sign_out(driver):
    press(driver, driver.find_element(By.CSS_SELECTOR, "form.signout button"))


def disclose(driver, details_id):
    """Opens a <details> disclosure (an item's actions, the new question form) the way a person does: its summary."""
    details = driver.find_element(By.ID, details_id)
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    return details


def first_tick_form(driver):
    """The first item whose actions offer a tick, its actions opened; returns the form and the item's id."""
    tick = driver.find_element(By.XPATH, "//form[input[@name='command' and @value='tick']]")
    item_id = tick.find_element(By.NAME, "item").get_attribute("value")
    section = tick.find_element(By.XPATH, "ancestor::details[contains(@class,'section')]")
    if section.get_attribute("open") is None:
        section.find_element(By.TAG_NAME, "summary").click()
    disclose(driver, "actions-" + item_id)
    return tick, item_id


def new_thread(driver, text):
    disclose(driver, "new-thread")
    driver.find_element(By.ID, "thread-text").send_keys(text)
    press(driver, driver.find_element(By.XPATH, "//form[.//textarea[@id='thread-text']]//button"))


def test_applicant_sees_her_cases_and_opens_one(browser):
    sign_in(browser, "anna@vardgivare.example")
    assert browser.current_url.endswith("/cases")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Mina ärenden"
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 4
    assert "Privatkliniken" not in browser.page_source
    shot(browser, "01-applicant-cases")
    press(browser, rows[0].find_element(By.TAG_NAME, "a"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Ärende BFR-")
    shot(browser, "02-applicant-case")


def test_coordinator_ticks_and_asks_and_applicant_answers(browser):
    sign_in(browser, "cora@vgregion.example")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Inkorg"
    Select(browser.find_element(By.ID, "status")).select_by_value("triage")
    press(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button"))
    shot(browser, "03-coordinator-inbox-triage")
    press(browser, browser.find_element(By.CSS_SELECTOR, "tbody tr a"))
    case_url = browser.current_url
    tick, item_id = first_tick_form(browser)
    for evidence in tick.find_elements(By.CSS_SELECTOR, "input[name^=evidence_]"):
        evidence.send_keys("Kontrollerat i webbläsartest")
    press(browser, tick.find_element(By.TAG_NAME, "button"))
    item = browser.find_element(By.ID, "item-" + item_id)
    assert item.find_element(By.CLASS_NAME, "item-state").text == "Klar"
    new_thread(browser, "Vilken PU-tjänst använder ni? <script>alert(1)</script>")
    assert "Fråga – obesvarad" in browser.page_source
    assert "Du (samordnare) bockade av" in browser.find_element(By.CLASS_NAME, "timeline").text
    shot(browser, "04-coordinator-case-after-tick-and-question")
    sign_out(browser)

    sign_in(browser, "anna@vardgivare.example")
    browser.get(case_url)
    assert "(samordnare) bockade av" in browser.find_element(By.CLASS_NAME, "timeline").text
    thread = browser.find_elements(By.CSS_SELECTOR, ".thread")[-1]
    assert thread.find_element(By.CSS_SELECTOR, ".message .body").text == (
        "Vilken PU-tjänst använder ni? <script>alert(1)</script>")
    thread_id = thread.get_attribute("id")
    thread.find_element(By.TAG_NAME, "textarea").send_keys("Regionens PU-tjänst.")
    press(browser, thread.find_element(By.TAG_NAME, "button"))
    assert browser.find_element(By.ID, thread_id).find_element(By.TAG_NAME, "h3").text == "Fråga – besvarad"
    shot(browser, "05-applicant-answered")


def test_wrong_password_shows_the_message(browser):
    sign_in(browser, "bo@privatklinik.example", "inte rätt")
    message = browser.find_element(By.ID, "login-message").text
    assert message == "Fel e-postadress eller lösenord."
    assert browser.find_element(By.ID, "email").get_attribute("value") == "bo@privatklinik.example"
    shot(browser, "06-wrong-password")


def test_post_without_form_token_is_refused(browser):
    body = b"email=anna%40vardgivare.example&password=anslut-demo-2026"
    request = urllib.request.Request(BASE + "/login", data=body, method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    assert "Formuläret kunde inte tas emot" in refused.value.read().decode()


def test_language_switch_is_remembered(browser):
    browser.get(BASE + "/login")
    press(browser, browser.find_element(By.CSS_SELECTOR, "form.language button"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    sign_in(browser, "tor@regionstockholm.example")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Inbox"
    assert re.search(r"TAKECARE-\d{4}-\d{4}", browser.page_source)
    shot(browser, "07-english-inbox")
    browser.set_window_size(390, 844)
    press(browser, browser.find_element(By.CSS_SELECTOR, "tbody tr a"))
    shot(browser, "08-english-case-phone")
    browser.get(BASE + "/no-such-page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"


def fill_order(driver, organisationsnummer):
    """Answers every question of the BFR order as a careful applicant would, without risky answers."""
    for field in driver.find_elements(By.CSS_SELECTOR, "form.order input[type=text], form.order input[type=email], "
                                                       "form.order textarea"):
        name = field.get_attribute("name")
        field.clear()
        if name == "f_organisation_id":
            field.send_keys(organisationsnummer)
        elif field.get_attribute("type") == "email":
            field.send_keys(name[2:].replace("_", ".") + "@vardgivare.example")
        elif field.get_attribute("inputmode") == "numeric":
            field.send_keys("140")
        else:
            field.send_keys("Uppgift i webbläsartest")
    answers = {"manual_pnr_entry": "nej", "id_merge": "nej"}
    for group in driver.find_elements(By.CSS_SELECTOR, "form.order fieldset.choices"):
        field = group.get_attribute("id")[len("field-"):]
        boxes = group.find_elements(By.CSS_SELECTOR, "input")
        wanted = answers.get(field)
        choice = next((box for box in boxes if box.get_attribute("value") == wanted), boxes[0])
        if not choice.is_selected():
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", choice)
            choice.click()


def test_applicant_orders_corrects_uploads_submits_and_the_coordinator_follows_up(browser, tmp_path):
    sign_in(browser, "anna@vardgivare.example")
    press(browser, browser.find_element(By.ID, "new-order"))
    assert browser.find_element(By.ID, "platform-BFR").is_selected()
    press(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "/order" in browser.current_url
    number = re.search(r"BFR-\d{4}-\d{4}", browser.find_element(By.TAG_NAME, "h1").text).group(0)
    shot(browser, "09-order-form-empty")

    fill_order(browser, "556559-4231")
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    error = browser.find_element(By.ID, "error-organisation_id")
    assert "Organisationsnumret är ogiltigt" in error.text and "Kontrollsiffran" in error.text
    field = browser.find_element(By.ID, "f_organisation_id")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("value") == "556559-4231"
    assert browser.find_element(By.ID, "f_system_name").get_attribute("value") == "Uppgift i webbläsartest"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    shot(browser, "10-order-error-at-field")

    field.clear()
    field.send_keys("556559-4230")
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[value=save]"))
    assert "Utkastet är sparat" in browser.find_element(By.ID, "order-notice").text
    press(browser, browser.find_element(By.LINK_TEXT, "← Ärende " + number))

    document = tmp_path / "systemspecifikation.pdf"
    document.write_bytes(b"%PDF-1.4\n% Systemspecifikation RIS\n%%EOF\n")
    disclose(browser, "upload-document")
    Select(browser.find_element(By.ID, "document-kind")).select_by_value("system_specification")
    browser.find_element(By.ID, "document-file").send_keys(str(document))
    press(browser, browser.find_element(By.XPATH, "//form[.//input[@id='document-file']]//button"))
    assert "systemspecifikation.pdf" in browser.find_element(By.ID, "documents").text

    press(browser, browser.find_element(By.ID, "order-link"))
    assert "uppladdad" in browser.find_element(By.CSS_SELECTOR, "#section-bilagor .attachments").text
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[value=submit]"))
    assert "Beställningen är inskickad" in browser.find_element(By.ID, "case-notice").text
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Ärende " + number + " ")
    assert browser.find_element(By.ID, "case-status").text == "inskickat"
    shot(browser, "11-order-submitted")
    sign_out(browser)

    sign_in(browser, "cora@vgregion.example")
    browser.find_element(By.ID, "q").send_keys(number)
    press(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button"))
    press(browser, browser.find_element(By.LINK_TEXT, number))
    press(browser, browser.find_element(By.XPATH, "//form[input[@name='command' and @value='begin_triage']]//button"))
    tick, _ = first_tick_form(browser)
    for evidence in tick.find_elements(By.CSS_SELECTOR, "input[name^=evidence_]"):
        evidence.send_keys("Beställningen granskad")
    press(browser, tick.find_element(By.TAG_NAME, "button"))
    new_thread(browser, "Vilket format har era HL7-meddelanden?")
    shot(browser, "12-coordinator-asks-on-new-order")
    sign_out(browser)

    sign_in(browser, "anna@vardgivare.example")
    press(browser, browser.find_element(By.LINK_TEXT, number))
    thread = browser.find_elements(By.CSS_SELECTOR, ".thread")[-1]
    thread.find_element(By.TAG_NAME, "textarea").send_keys("HL7 v2.5 ORU^R01.")
    thread_id = thread.get_attribute("id")
    press(browser, thread.find_element(By.TAG_NAME, "button"))
    assert browser.find_element(By.ID, thread_id).find_element(By.TAG_NAME, "h3").text == "Fråga – besvarad"


def test_work_pages_for_each_role(browser):
    sign_in(browser, "cora@vgregion.example")
    press(browser, browser.find_element(By.ID, "view-ours"))
    assert browser.find_element(By.ID, "view-ours").get_attribute("aria-current") == "page"
    shot(browser, "13-coordinator-waiting-for-us")
    press(browser, browser.find_element(By.ID, "view-phase"))
    assert browser.find_elements(By.CSS_SELECTOR, "main h2")
    press(browser, browser.find_element(By.XPATH, "//tr[td[contains(., 'Ögonbilder')]]//a"))
    risks = browser.find_element(By.ID, "case-risks").text
    assert "utan formatkontroll" in risks and "saknar testmiljö" in risks
    shot(browser, "16-coordinator-sees-risk-flags")
    sign_out(browser)

    sign_in(browser, "dag@vgregion.example")
    press(browser, browser.find_element(By.LINK_TEXT, "Mina uppgifter"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Mina uppgifter"
    assert "Beslut (beslutsfattare)" in browser.page_source
    shot(browser, "14-decision-maker-tasks")
    sign_out(browser)

    sign_in(browser, "anna@vardgivare.example")
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    triage = next(row for row in rows if "under bedömning" in row.text)
    press(browser, triage.find_element(By.TAG_NAME, "a"))
    todo = browser.find_element(By.ID, "todo")
    assert "krävs för att gå vidare" in todo.text
    assert browser.find_element(By.ID, "queue-place").text
    shot(browser, "15-applicant-what-to-do-now")


def api_token(email):
    body = ('{"email":"%s","password":"%s"}' % (email, PASSWORD)).encode()
    request = urllib.request.Request(
        BASE + "/api/v1/auth/token", data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return re.search(r'"token":"([^"]+)"', answer.read().decode()).group(1)


def api_status(token):
    request = urllib.request.Request(BASE + "/api/v1/cases", headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_person_sees_and_revokes_their_api_tokens(browser):
    token = api_token("tea@vgregion.example")
    assert api_status(token) == 200
    sign_in(browser, "tea@vgregion.example")
    browser.get(BASE + "/password")
    rows = browser.find_elements(By.CSS_SELECTOR, "#tokens tbody tr")
    assert len(rows) == 1
    assert "aldrig" not in rows[0].text  # it was just used
    shot(browser, "10-password-and-tokens")
    press(browser, rows[0].find_element(By.CSS_SELECTOR, "button"))
    assert "Token är återkallad." in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    assert browser.find_elements(By.ID, "no-tokens")
    assert api_status(token) == 401


def test_admin_edits_a_platforms_settings(browser):
    sign_in(browser, "ada@anslut.example")
    browser.get(BASE + "/admin/platforms")
    press(browser, browser.find_element(By.LINK_TEXT, "BFR"))
    contact = browser.find_element(By.ID, "contact")
    contact.clear()
    contact.send_keys("bfr@vgregion.example")
    settings = browser.find_element(By.ID, "settings")
    settings.clear()
    settings.send_keys('{"queueCapacity": 8}')
    press(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Inställningarna är sparade." in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    history = browser.find_element(By.ID, "history").text
    assert "ändrade inställningarna" in history and "skapade plattformen" in history
    shot(browser, "17-admin-platform-settings")
