"""The web app in Chromium (selenium), against the real server: fill the plan form, see the
preview, download the Word file and read it back, save the plan file and open it again, check
a draft; at phone width and from the keyboard.  Under CI=true a missing browser fails the
test instead of skipping it (.ci/run installs chromium and chromium-driver)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

DRAFT = ("KẾ HOẠCH thi đua năm 2022\n"
         "- Đợt 1: chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - "
         "28/7/2022).\n")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(start_chromium, downloads):
    return start_chromium(downloads=downloads)


def wait(condition: Callable[[], Any], what: str, timeout: float = 45) -> Any:
    # Generous: on a loaded 2-core machine a preview round trip has taken seconds.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def console_errors(driver) -> list[Any]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def downloaded(folder: Path, suffix: str) -> Path:
    def done() -> Path | None:
        found = [p for p in folder.iterdir() if p.suffix == suffix]
        partial = [p for p in folder.iterdir() if p.suffix == ".crdownload"]
        return found[0] if found and not partial else None

    return wait(done, f"a {suffix} download")


def open_plan(driver, server) -> None:
    driver.get_log("browser")
    driver.get(server.root + "/plan")
    wait(lambda: driver.execute_script(
        "return document.getElementById('plan-app').dataset.ready === 'true'"),
        "the plan form to load the year's list")


def preview(driver) -> str:
    return str(driver.execute_script("return document.getElementById('preview').textContent"))


def test_fill_preview_download_and_open_again(browser, server, downloads):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_plan(browser, server)
    find = browser.find_element
    # The default plan's days are chosen to begin with.
    assert find(By.CSS_SELECTOR, 'input[data-id="thanh_lap_dang"]').is_selected()
    find(By.ID, "org-name").send_keys("Công đoàn cơ sở Trường Tiểu học Kim Đồng")
    find(By.ID, "org-short").send_keys("CĐCS Kim Đồng")
    find(By.ID, "org-parent").send_keys("Công đoàn Giáo dục huyện")
    year = find(By.ID, "period-year")
    year.clear()
    year.send_keys("2027")
    browser.execute_script("""const issued = document.getElementById('issued');
        issued.value = '2027-01-04'; issued.dispatchEvent(new Event('change', {bubbles: true}));""")
    Select(find(By.ID, "split")).select_by_value("halves")
    Select(find(By.ID, "org-level")).select_by_value("cdcs")
    # A province adds its own days to the list to choose from.
    Select(find(By.ID, "org-province")).select_by_value("thai_nguyen")
    wait(lambda: browser.find_elements(By.CSS_SELECTOR,
                                       'input[data-id="thai_nguyen_thanh_lap_tinh"]'),
         "the province's days")
    wait(lambda: "Công đoàn cơ sở Trường Tiểu học Kim Đồng" in preview(browser)
         and "2027" in preview(browser), "the preview of the organisation")

    # The đợt, generated and then edited: a theme for the first.
    find(By.ID, "edit-phases").click()
    wait(lambda: len(browser.find_elements(By.CSS_SELECTOR, "#phases li")) == 2, "two phases")
    theme = browser.find_elements(By.CSS_SELECTOR, '#phases li [data-name="theme"]')[0]
    theme.send_keys("Dạy tốt - Học tốt")
    # An event, and the registration due 10 working days in instead of 15.
    find(By.ID, "add-event").click()
    name, when = browser.find_elements(By.CSS_SELECTOR, "#events li input")
    name.send_keys("Hội nghị viên chức, người lao động")
    when.send_keys("2027-09")
    days = find(By.ID, "dl-dang_ky-days")
    days.clear()
    days.send_keys("10")
    # The greeted days, chosen from the year's list with their counts.
    box = find(By.CSS_SELECTOR, 'input[data-id="thanh_lap_cong_doan_vn"]')
    label = find(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]').text
    assert "98 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2027)" in label
    if not box.is_selected():
        box.click()
    own = find(By.CSS_SELECTOR, 'input[data-id="thai_nguyen_thanh_lap_tinh"]')
    if not own.is_selected():
        own.click()
    # The preview follows each edit as it comes back from the server: wait for the last
    # edit's words (the province's own day, ticked last), not only the first ones.
    expected = ("Dạy tốt - Học tốt", "Hội nghị viên chức",
                "196 năm Ngày thành lập tỉnh Thái Nguyên (")

    def edited() -> str | None:
        shown = preview(browser)
        return shown if all(words in shown for words in expected) else None

    text = wait(edited, "the edited preview")
    assert "98 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2027)" in text
    assert "196 năm Ngày thành lập tỉnh Thái Nguyên (" in text
    assert "Đăng ký thi đua" in text
    assert find(By.ID, "plan-error").get_attribute("hidden") is not None

    # The Word file, read back.
    find(By.CSS_SELECTOR, '[data-download="docx"]').click()
    word = downloaded(downloads, ".docx")
    document = docx.Document(str(word))
    paragraphs = "\n".join([p.text for p in document.paragraphs]
                           + [cell.text for table in document.tables
                              for row in table.rows for cell in row.cells]
                           ).replace("\xa0", " ")  # the Word file keeps "28/7/1929" whole
    assert "CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC KIM ĐỒNG" in paragraphs.upper()
    assert "Dạy tốt - Học tốt" in paragraphs
    assert "98 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2027)" in paragraphs
    assert "Hội nghị viên chức, người lao động" in paragraphs

    # The calendar file and the plan file to keep.
    find(By.CSS_SELECTOR, '[data-download="ics"]').click()
    assert downloaded(downloads, ".ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    find(By.CSS_SELECTOR, '[data-download="yaml"]').click()
    kept = downloaded(downloads, ".yaml")
    data = yaml.safe_load(kept.read_text(encoding="utf-8"))
    assert data["organisation"]["name"] == "Công đoàn cơ sở Trường Tiểu học Kim Đồng"
    assert data["organisation"]["province"] == "thai_nguyen"
    assert data["organisation"]["level"] == "cdcs"
    assert data["deadlines"][0]["after"]["working_days"] == 10

    # A new visit: open the plan file and go on where it was left.
    open_plan(browser, server)
    find(By.ID, "plan-file").send_keys(str(kept))
    find(By.ID, "open").click()
    wait(lambda: preview(browser) == text, "the opened plan's preview")
    assert find(By.ID, "org-name").get_attribute("value") == data["organisation"]["name"]
    assert find(By.ID, "dl-dang_ky-days").get_attribute("value") == "10"
    assert find(By.ID, "org-province").get_attribute("value") == "thai_nguyen"
    assert console_errors(browser) == []


def test_greet_a_congress_of_the_shipped_list(browser, server, downloads):
    """The period's congresses and elections (thidua-calendar events) are offered; a ticked
    one is greeted by the đợt it falls in, and kept by id in the plan file."""
    from selenium.webdriver.common.by import By

    open_plan(browser, server)
    find = browser.find_element
    find(By.ID, "org-name").send_keys("Công đoàn cơ sở Phường 1")
    year = find(By.ID, "period-year")
    year.clear()
    year.send_keys("2026")
    browser.execute_script("""const issued = document.getElementById('issued');
        issued.value = '2026-01-05'; issued.dispatchEvent(new Event('change', {bubbles: true}));""")
    box = wait(lambda: browser.find_elements(By.CSS_SELECTOR,
                                             'input[data-event="dai_hoi_dang_xiv"]'),
               "the shipped events of 2026")[0]
    label = find(By.CSS_SELECTOR, 'label[for="e-dai_hoi_dang_xiv"]').text
    assert "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" in label
    box.click()
    wait(lambda: "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" in preview(browser),
         "the congress in the preview")
    for old in downloads.glob("*.yaml"):
        old.unlink()
    find(By.CSS_SELECTOR, '[data-download="yaml"]').click()
    data = yaml.safe_load(downloaded(downloads, ".yaml").read_text(encoding="utf-8"))
    assert {"id": "dai_hoi_dang_xiv"} in data["events"]


def test_a_broken_plan_shows_the_sentence(browser, server):
    from selenium.webdriver.common.by import By

    open_plan(browser, server)
    browser.find_element(By.ID, "org-name").send_keys("CĐCS")
    browser.execute_script("""const issued = document.getElementById('issued');
        issued.value = '2026-02-30';""")  # not a date: the browser empties it
    message = wait(lambda: browser.find_element(By.ID, "plan-error").text, "an error")
    assert "issued" in message


def test_check_an_upload_in_the_browser(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    browser.get_log("browser")
    browser.get(server.root + "/check")
    browser.find_element(By.ID, "file").send_keys(str(draft))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    quote = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#findings q"), "findings")
    assert quote[0].text.strip("“”\"") == ("95 năm Ngày thành lập Công đoàn Việt Nam "
                                          "(28/7/1929 - 28/7/2022)")
    assert console_errors(browser) == []


def test_renew_an_upload_in_the_browser(browser, server, tmp_path, downloads):
    from selenium.webdriver.common.by import By

    old = tmp_path / "ke-hoach-2025.txt"
    old.write_text("KẾ HOẠCH\nPhát động phong trào thi đua năm 2025\n- Đợt 1: chào mừng 96 "
                   "năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2025).\n",
                   encoding="utf-8")
    for stale in downloads.glob("*.txt"):
        stale.unlink()
    browser.get(server.root + "/renew")
    browser.find_element(By.ID, "file").send_keys(str(old))
    year = browser.find_element(By.ID, "renew-year")
    year.clear()
    year.send_keys("2026")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    renewed = downloaded(downloads, ".txt")
    assert renewed.name == "ke-hoach-2025-2026.txt"
    assert "97 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2026)" in (
        renewed.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["/", "/plan", "/check", "/renew", "/?lang=en",
                                  "/plan?lang=en"])
def test_phone_width(browser, server, page):
    browser.set_window_size(390, 844)
    try:
        browser.get(server.root + page)
        time.sleep(0.3)
        wide = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        assert wide[0] <= wide[1], wide
    finally:
        browser.set_window_size(1280, 900)


def test_the_plan_form_from_the_keyboard(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_plan(browser, server)
    browser.execute_script("document.activeElement.blur()")
    reached = []
    for _ in range(40):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        reached.append(browser.execute_script("return document.activeElement.id"))
    for field in ("plan-file", "org-name", "org-level", "title", "issued", "period-kind",
                  "period-year", "split", "edit-phases", "greet-default"):
        assert field in reached
    # Typing in a focused field reaches the preview, without a mouse.
    browser.execute_script("document.getElementById('org-name').focus()")
    ActionChains(browser).send_keys("Công đoàn Phường 1").perform()
    wait(lambda: "Công đoàn Phường 1" in preview(browser), "the typed name in the preview")
