"""Take the screenshots of docs/huong-dan-web.md: the real server, driven by headless Chromium.

    python scripts/web_screenshots.py        # writes docs/images/web-*.png

Loopback only; needs the web and test extras and Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
DRAFT = ("KẾ HOẠCH\nPhát động phong trào thi đua năm 2022\n"
         "Đợt 1: Từ tháng 01/2022 đến 28/7/2022: chào mừng 95 năm Ngày thành lập Công đoàn "
         "Việt Nam (28/7/1929 - 28/7/2022) và 47 năm Ngày Giải phóng miền Nam "
         "(30/4/1975 - 30/4/2022).\n"
         "Đăng ký thi đua gửi về LĐLĐ huyện trước ngày 10/4/2022.\n")


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = f"http://127.0.0.1:{port}"
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    server = subprocess.Popen([sys.executable, "-m", "thidua_calendar", "web", "--port",
                               str(port)], env=environment)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(root + "/api/openapi.json", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        IMAGES.mkdir(exist_ok=True)

        def shot(name: str, width: int, height: int) -> None:
            driver.set_window_size(width, height)
            time.sleep(0.5)
            driver.save_screenshot(str(IMAGES / f"web-{name}.png"))

        driver.set_window_size(1100, 900)
        driver.get(root + "/?year=2026&province=thai_nguyen&tag=nd145&tag=province")
        shot("danh-sach", 1100, 900)

        driver.get(root + "/plan")
        for _ in range(100):
            if driver.execute_script(
                    "return document.getElementById('plan-app').dataset.ready === 'true'"):
                break
            time.sleep(0.1)
        driver.find_element(By.ID, "org-name").send_keys("Công đoàn cơ sở Trường Tiểu học "
                                                         "Kim Đồng")
        driver.find_element(By.ID, "org-parent").send_keys("Liên đoàn Lao động tỉnh Thái Nguyên")
        driver.find_element(By.ID, "org-place").send_keys("Thái Nguyên")
        Select(driver.find_element(By.ID, "org-level")).select_by_value("cdcs")
        Select(driver.find_element(By.ID, "org-province")).select_by_value("thai_nguyen")
        Select(driver.find_element(By.ID, "period-kind")).select_by_value("school_year")
        year = driver.find_element(By.ID, "period-year")
        year.clear()
        year.send_keys("2026")
        driver.execute_script("""const i = document.getElementById('issued');
            i.value = '2026-09-05'; i.dispatchEvent(new Event('change', {bubbles: true}));""")
        Select(driver.find_element(By.ID, "split")).select_by_value("school_terms")
        time.sleep(2)
        shot("ke-hoach", 1100, 1000)
        driver.execute_script("document.getElementById('preview-heading').scrollIntoView()")
        shot("xem-truoc", 1100, 900)
        driver.get(root + "/plan")
        time.sleep(1)
        shot("dien-thoai", 390, 844)

        with tempfile.TemporaryDirectory() as folder:
            draft = Path(folder) / "du-thao-ke-hoach.txt"
            draft.write_text(DRAFT, encoding="utf-8")
            driver.set_window_size(1100, 900)
            driver.get(root + "/check")
            driver.find_element(By.ID, "file").send_keys(str(draft))
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            time.sleep(1)
            driver.execute_script("document.getElementById('findings').scrollIntoView()")
            shot("kiem-tra", 1100, 800)
        driver.get(root + "/renew")
        shot("nam-moi", 1100, 560)
    finally:
        driver.quit()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
