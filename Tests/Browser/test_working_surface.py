"""The case page as a working surface (issue 19) and the accessibility of the main pages, in headless chromium."""
import re

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_pages import BASE, browser, disclose, press, shot, sign_in, sign_out  # noqa: F401 (browser is a fixture)


def open_case(driver, number, query=""):
    driver.get(BASE + "/cases?q=" + number)
    href = driver.find_element(By.LINK_TEXT, number).get_attribute("href")
    driver.get(href + query)
    return href


def page_height(driver):
    return driver.execute_script("return document.documentElement.scrollHeight")


def full_shot(driver, name):
    """A screenshot of the whole page, then the window as it was. The window also holds headless chromium's own
    bar above the page (about 143 px), which is added, else the page's last lines are cut off."""
    chrome = driver.execute_script("return window.outerHeight - window.innerHeight")
    driver.set_window_size(1280, min(page_height(driver) + chrome, 8000))
    shot(driver, name)
    driver.set_window_size(1280, 900)


def serious_violations(driver):
    driver.set_script_timeout(120)
    axe = Axe(driver)
    axe.inject()
    result = axe.run()
    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_coordinator_finds_the_open_item_ticks_it_with_a_document_and_the_bar_moves(browser):
    sign_in(browser, "cora@vgregion.example")
    # BFR-2026-0004: the demo case in Del 2, its testing checklist done but for the test plan.
    case_url = open_case(browser, "BFR-2026-0004")
    height = page_height(browser)
    print(f"\ncase page for the coordinator of a Del 2 case, as it first opens at 1280 wide: {height} px")
    assert height < 2500, height
    full_shot(browser, "20-coordinator-del2-case")
    before = int(browser.find_element(By.ID, "phase-progress").get_attribute("value"))

    press(browser, browser.find_element(By.ID, "filter-open"))
    assert "filter=open" in browser.current_url
    section = browser.find_element(By.ID, "section-del2.test")
    assert section.get_attribute("open") is not None
    rows = section.find_elements(By.CSS_SELECTOR, "tbody tr.item")
    assert [r.get_attribute("id") for r in rows] == ["item-del2.test.testplan"]
    disclose(browser, "actions-del2.test.testplan")
    tick = browser.find_element(By.XPATH, "//details[@id='actions-del2.test.testplan']//form[input[@value='tick']]")
    choice = Select(tick.find_element(By.NAME, "evidence_attachment"))
    documents = [o for o in choice.options if o.get_attribute("value")]
    assert documents, "the case's documents are offered"
    choice.select_by_value(documents[0].get_attribute("value"))
    shot(browser, "21-coordinator-ticks-with-a-document")
    press(browser, tick.find_element(By.TAG_NAME, "button"))

    after = int(browser.find_element(By.ID, "phase-progress").get_attribute("value"))
    assert after == before + 1
    row = browser.find_element(By.ID, "item-del2.test.testplan")
    assert row.find_element(By.CLASS_NAME, "item-state").text == "Klar"
    link = row.find_element(By.CSS_SELECTOR, "td.evidence a")
    assert "/documents/" in link.get_attribute("href")
    assert browser.current_url.startswith(case_url.split("?")[0])
    full_shot(browser, "22-coordinator-after-tick")


def test_disclosure_actions_work_from_the_keyboard(browser):
    sign_in(browser, "cora@vgregion.example")
    open_case(browser, "BFR-2026-0004", "?filter=open")
    details = browser.find_element(By.CSS_SELECTOR, "details.item-actions")
    summary = details.find_element(By.TAG_NAME, "summary")
    browser.execute_script("arguments[0].focus()", summary)
    assert browser.switch_to.active_element == summary
    summary.send_keys(Keys.ENTER)
    assert details.get_attribute("open") is not None
    # Tab moves into the opened actions: the tick's first field, then on through its form.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("name").startswith("evidence_") or focused.tag_name == "button"
    assert details.find_elements(By.XPATH, ".//*[@name='%s']" % focused.get_attribute("name")) or focused.tag_name == "button"
    summary.send_keys(Keys.SPACE)
    assert details.get_attribute("open") is None


def test_applicant_follows_a_line_of_what_to_do_now_to_its_row(browser):
    sign_in(browser, "anna@vardgivare.example")
    open_case(browser, "BFR-2026-0004")
    todo = browser.find_element(By.ID, "todo")
    assert re.search(r"\(\d+ att göra, \d+ krävs för att gå vidare\)", todo.text)
    full_shot(browser, "23-applicant-todo")
    line = todo.find_element(By.CSS_SELECTOR, "ul ul a")
    target = line.get_attribute("href").split("#")[1]
    press(browser, line)
    row = browser.find_element(By.ID, target)
    assert row.is_displayed()
    item = target.removeprefix("item-")
    assert browser.find_element(By.ID, "actions-" + item).get_attribute("open") is not None
    shot(browser, "24-applicant-at-the-row")


def test_the_inbox_shows_progress_and_turn_and_sorts(browser):
    sign_in(browser, "cora@vgregion.example")
    assert browser.find_elements(By.CSS_SELECTOR, "tbody progress")
    assert "Väntar på" in browser.find_element(By.TAG_NAME, "tbody").text
    press(browser, browser.find_element(By.ID, "sort-age"))
    assert "sort=age" in browser.current_url
    full_shot(browser, "25-inbox-by-age")


def test_no_serious_accessibility_violations(browser):
    pages = []
    browser.get(BASE + "/login")
    pages.append(("login", serious_violations(browser)))
    sign_in(browser, "anna@vardgivare.example")
    pages.append(("applicant case list", serious_violations(browser)))
    open_case(browser, "BFR-2026-0004")
    pages.append(("applicant case page", serious_violations(browser)))
    order = browser.current_url.split("?")[0].split("#")[0] + "/order"
    browser.get(order)
    pages.append(("order form", serious_violations(browser)))
    sign_out(browser)
    sign_in(browser, "cora@vgregion.example")
    pages.append(("coordinator inbox", serious_violations(browser)))
    open_case(browser, "BFR-2026-0004", "?filter=open&item=del2.test.testplan")
    pages.append(("coordinator case page", serious_violations(browser)))
    browser.get(BASE + "/tasks")
    pages.append(("tasks", serious_violations(browser)))
    found = [(page, violations) for page, violations in pages if violations]
    assert not found, found
