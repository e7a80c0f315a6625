"""Browser tests of the portal in headless Chromium (selenium + the system chromium-driver), with
axe-core on every public page. Starts `gongkai serve --demo` itself on a free port and walks:

1. a citizen finds a unit by a two-character query, opens its page, compares two years, downloads a
   table's CSV and finds its figures equal to the table on the page;
2. a unit's staff edit the budget, see a finding beside the cell, fix it, and submit;
3. the 主管部门 returns it with a comment; the unit submits again; the 主管部门 and the 财政局 approve;
   the 财政局 publishes it;
4. the bureau's desk shows the unit published on time.

Every page looked at is saved as a screenshot (default .build/browser-screenshots). Every public page
must have 0 serious or critical axe violations and weigh at most 150 KB compressed.

    python3 Tests/browser/portal_journeys.py [--gongkai .build/debug/gongkai] [--screenshots DIR]
"""
import argparse, csv, datetime, gzip, io, json, os, re, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--gongkai", default=".build/debug/gongkai")
parser.add_argument("--screenshots", default=".build/browser-screenshots")
args = parser.parse_args()
os.makedirs(args.screenshots, exist_ok=True)

PASSWORD = "gongkai-demo"
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message, flush=True)
    if not condition:
        failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
BASE = f"http://127.0.0.1:{port}"
log = tempfile.NamedTemporaryFile(prefix="gongkai-browser-", suffix=".log", delete=False)
server = subprocess.Popen([args.gongkai, "serve", "--demo", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
for _ in range(180):
    try:
        urllib.request.urlopen(BASE + "/health", timeout=2)
        break
    except Exception:
        time.sleep(1)
else:
    server.kill()
    sys.exit(f"the demo server did not start (log: {log.name})")

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--lang=zh-CN"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
driver.implicitly_wait(5)
shots = 0
public_pages = {}


def look(name, public=False):
    """Screenshots the current page; on a public page, runs axe and weighs it."""
    global shots
    shots += 1
    driver.save_screenshot(os.path.join(args.screenshots, f"{shots:02d}-{name}.png"))
    if not public:
        return
    public_pages[name] = driver.current_url
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    check(not bad, f"axe: {name}: no serious or critical violations" + ("" if not bad else ": " + "; ".join(f"{v['id']} ({len(v['nodes'])})" for v in bad)))
    request = urllib.request.Request(driver.current_url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding")
    check(encoding == "gzip", f"weight: {name}: served compressed")
    check(len(body) <= 150 * 1024, f"weight: {name}: {len(body)} bytes compressed (at most 150 KB)")
    check("<script" not in (gzip.decompress(body) if encoding == "gzip" else body).decode(), f"weight: {name}: no script")


def click_and_wait(element):
    """Clicks a link or a form's button and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            return expected_conditions.staleness_of(old)(driver)
        except WebDriverException as error:
            # Asked while the old page is being torn down, chromedriver answers that the node no
            # longer belongs to the document instead of calling it stale: it has been replaced.
            if "does not belong to the document" in str(error):
                return True
            raise

    WebDriverWait(driver, 30).until(replaced)


def sign_in(username):
    driver.get(BASE + "/staff")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/sign-in'] button"))
    check("工作台" in driver.title, f"{username} signs in")


def sign_out():
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action='/staff/sign-out'] button"))


def open_version(unit_name):
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "#main a[href^='/staff/versions/']") if a.text == unit_name]
    check(bool(links), f"the worklist lists {unit_name}")
    click_and_wait(links[0])


def take(action, comment=None, approval_date=None):
    if comment is not None:
        driver.find_element(By.ID, f"comment-{action}").send_keys(comment)
    if approval_date is not None:
        driver.execute_script("document.getElementById('approvalDate').value = arguments[0]", approval_date)
    click_and_wait(driver.find_element(By.ID, f"action-{action}"))


try:
    # 1. The citizen.
    driver.get(BASE + "/")
    look("home", public=True)
    box = driver.find_element(By.ID, "q")
    box.send_keys("养老")
    old = driver.find_element(By.TAG_NAME, "html")
    box.submit()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    look("search", public=True)
    unit_links = driver.find_elements(By.XPATH, "//h2[starts-with(., '单位')]/following-sibling::ul[1]//a")
    check(any("养老服务中心" in a.text for a in unit_links), "a two-character query (养老) finds the unit")
    click_and_wait(next(a for a in unit_links if "养老服务中心" in a.text))
    look("unit", public=True)
    unit_url = driver.current_url
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "2025年预算"))
    look("publication", public=True)
    tables = driver.find_elements(By.CSS_SELECTOR, "section[data-kind]")
    check(len(tables) >= 8, f"the publication shows its tables as HTML ({len(tables)})")
    # The CSV of the 收支总表 equals the table on the page.
    csv_link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "a[href^='/api/v1/files/']") if a.text.endswith("收支总表.csv") and "财政拨款" not in a.text)
    with urllib.request.urlopen(csv_link.get_attribute("href")) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8-sig"))))
    name = csv_link.text.split("/")[-1][:-len(".csv")]
    section = next(t for t in tables if t.get_attribute("data-name") == name)
    page_rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in section.find_elements(By.CSS_SELECTOR, "tbody tr")]
    def number(text):
        return text.replace(",", "").strip()
    csv_numbers = [number(cell) for row in rows[1:] for cell in row if re.fullmatch(r"-?[\d,]+(\.\d+)?", cell.strip() or "x")]
    page_numbers = [number(cell) for row in page_rows for cell in row if re.fullmatch(r"-?[\d,]+(\.\d+)?", cell.strip() or "x")]
    check(csv_numbers and csv_numbers == page_numbers, f"the downloaded CSV's figures equal the table on the page ({len(csv_numbers)} figures)")
    click_and_wait(driver.find_element(By.LINK_TEXT, "历年变化"))
    look("trends", public=True)
    headings = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#trend-table thead th")]
    check("2024年" in headings and "2025年" in headings, "the year-over-year table compares 2024 and 2025")
    total = driver.find_element(By.XPATH, "//table[@id='trend-table']//tr[th[.='支出合计']]")
    check([td.text for td in total.find_elements(By.TAG_NAME, "td")] == ["373.44", "385.84", "+3.3%"], "支出合计 373.44 → 385.84 万元, +3.3%")
    check(len(driver.find_elements(By.CSS_SELECTOR, "svg[role='img'] title")) >= 2, "each chart is an image with a title")
    driver.get(unit_url)
    click_and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "所属单位比较"))
    look("compare", public=True)
    check(len(driver.find_elements(By.CSS_SELECTOR, "#compare-table thead th")) >= 3, "the comparison puts the department's units side by side")
    driver.get(unit_url)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "nav.crumbs a[href^='/regions/']"))
    look("region", public=True)
    driver.get(BASE + "/downloads")
    look("downloads", public=True)
    driver.get(BASE + "/staff")
    look("sign-in", public=True)

    # 2. The unit's staff edit, see a finding beside the cell, fix it and submit.
    unit = "上海市普陀区示例民政局（本级）"
    sign_in("sh-unit-editor")
    look("worklist")
    open_version(unit)
    field = driver.find_element(By.ID, "income[0].amount")
    original = field.get_attribute("value")
    field.clear()
    field.send_keys("7000000")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/budget'] button"))
    cell = driver.find_element(By.ID, "income[0].amount").find_element(By.XPATH, "..")
    beside = [f.text for f in cell.find_elements(By.CSS_SELECTOR, ".finding")]
    look("editor-finding")
    check(any("错误" in text for text in beside), "an income that no longer balances shows an error beside its cell")
    field = driver.find_element(By.ID, "income[0].amount")
    field.clear()
    field.send_keys(original)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/budget'] button"))
    check(driver.find_element(By.ID, "finding-count").text.startswith("没有错误"), "fixed: no error left")
    cell = driver.find_element(By.ID, "income[0].amount").find_element(By.XPATH, "..")
    check(not cell.find_elements(By.CSS_SELECTOR, ".finding"), "and none beside the cell")
    look("editor-fixed")
    sign_out()
    sign_in("sh-unit-submitter")
    open_version(unit)
    take("submit")
    check(driver.find_element(By.ID, "state").text == "已报送主管部门", "the unit submits it")
    sign_out()

    # 3. The 主管部门 returns it with a comment; the unit submits again; both reviews approve; the 财政局 publishes.
    sign_in("sh-dept")
    open_version(unit)
    take("return-as-department", comment="请补充项目支出的绩效目标说明")
    check(driver.find_element(By.ID, "state").text == "已退回修改", "the 主管部门 returns it")
    look("returned")
    sign_out()
    sign_in("sh-unit-submitter")
    open_version(unit)
    check("请补充项目支出的绩效目标说明" in driver.find_element(By.ID, "return-comment").text, "the unit reads the return comment")
    take("submit")
    sign_out()
    sign_in("sh-dept")
    open_version(unit)
    take("approve-as-department")
    check(driver.find_element(By.ID, "state").text == "主管部门已审核", "the 主管部门 approves")
    sign_out()
    sign_in("sh-bureau")
    open_version(unit)
    take("approve-as-bureau")
    check(driver.find_element(By.ID, "state").text == "财政局已审核", "the 财政局 approves")
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date().isoformat()
    take("publish", approval_date=today)
    check(driver.find_element(By.ID, "state").text == "已公开", "the 财政局 publishes it")
    look("published")

    # 4. The desk shows it published on time.
    driver.get(BASE + "/desk?year=2025&phase=budget")
    look("desk")
    row = driver.find_element(By.XPATH, f"//table[@id='desk-units']//tr[th[normalize-space(.)='{unit}']]")
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    check("已公开" in cells and any(c.startswith("按时") for c in cells), f"the desk shows {unit} published on time ({cells})")
    sign_out()
    driver.get(BASE + "/search?q=" + urllib.parse.quote("本级"))
    check(any("本级" in a.text for a in driver.find_elements(By.CSS_SELECTOR, "#main a")), "the newly published unit is found by the public")
finally:
    driver.quit()
    server.terminate()
    server.wait(timeout=30)

print(f"{shots} screenshots in {args.screenshots}; {len(public_pages)} public pages checked with axe")
if failures:
    print(f"{len(failures)} failed (server log: {log.name})")
    sys.exit(1)
print("all browser checks passed")
