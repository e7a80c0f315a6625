"""Writes examples/shanghai-unit-budget-2025.xlsx: a fictional Shanghai unit budget in the sheet
layout of the district's unit-budget template (one sheet per section or table, amounts in 元).

The figures are invented and consistent, so `gongkai check` finds no error in it. Run from the
repository root: python3 examples/tools/make_shanghai_example.py (needs openpyxl).
"""
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

UNIT = "上海市普陀区示例社区养老服务中心"
YEAR = 2025
wb = Workbook()
wb.remove(wb.active)
center = Alignment(horizontal="center", vertical="center", wrap_text=True)
wrap = Alignment(vertical="top", wrap_text=True)


def text_sheet(name, title, body):
    ws = wb.create_sheet(name)
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = center
    ws.merge_cells("A1:M1")
    ws["A3"] = body
    ws["A3"].alignment = wrap
    ws.merge_cells("A3:M17")
    ws.column_dimensions["A"].width = 12


def table_sheet(name, title, unit, headers, rows, merges=()):
    ws = wb.create_sheet(name)
    ws["A2"] = title
    ws["A2"].font = Font(bold=True, size=14)
    ws["A2"].alignment = center
    last = max(len(h) for h in headers)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws["A4"] = f"编制单位：{UNIT}"
    ws.cell(row=4, column=last, value=f"单位：{unit}")
    r = 6
    for header in headers:
        for c, value in enumerate(header, start=1):
            if value is not None:
                cell = ws.cell(row=r, column=c, value=value)
                cell.alignment = center
        r += 1
    for a, b, c, d in merges:
        ws.merge_cells(start_row=a, start_column=b, end_row=c, end_column=d)
    for row in rows:
        for c, value in enumerate(row, start=1):
            if value is not None and value != "":
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, (int, float)):
                    cell.number_format = "#,##0" if unit == "元" else "0.00"
        r += 1
    for col in range(1, last + 1):
        ws.column_dimensions[chr(64 + col)].width = 16
    ws.column_dimensions["D" if last > 6 else "B"].width = 30
    return ws


cover = wb.create_sheet("封面")
cover["A3"] = f"上海市普陀区{YEAR}年区级单位预算"
cover["A3"].font = Font(bold=True, size=20)
cover["A9"] = f"预算单位：{UNIT}"

contents = wb.create_sheet("目录")
contents["A1"] = "目  录"
for i, line in enumerate([
    "一、单位主要职能", "二、单位机构设置", "三、名词解释", "四、单位预算编制说明", "五、单位预算表",
    f"    1. {YEAR}年预算单位财务收支预算总表", f"    2. {YEAR}年预算单位收入预算总表", f"    3. {YEAR}年预算单位支出预算总表",
    f"    4. {YEAR}年预算单位财政拨款收支预算总表", f"    5. {YEAR}年预算单位一般公共预算支出功能分类预算表",
    f"    6. {YEAR}年预算单位政府性基金预算支出功能分类预算表", f"    7. {YEAR}年预算单位国有资本经营预算支出功能分类预算表",
    f"    8. {YEAR}年预算单位一般公共预算基本支出部门预算经济分类预算表", f"    9. {YEAR}年单位“三公”经费和机关运行经费预算表",
    "六、其他相关情况说明"], start=4):
    contents.cell(row=i, column=1, value=line)

text_sheet("单位职能", f"{UNIT}主要职能",
           f"    {UNIT}是为辖区老年人提供日间照料、助餐、康复护理和文化活动服务的公益类事业单位。\n"
           "    主要职能包括：\n    1.运营社区长者照护之家和日间照料中心。\n    2.组织开展助餐、助浴、助医等居家养老服务。\n"
           "    3.指导居委会睦邻点开展老年人文体活动。")
text_sheet("单位机构设置", f"{UNIT}机构设置", f"    {UNIT}设3个内设机构，包括：综合办公室、照护服务部、社区服务部。")
text_sheet("名词解释", "名词解释",
           "   （一）财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。\n"
           "   （二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。\n"
           "   （三）基本支出预算：是为保障机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。\n"
           "   （四）项目支出预算：是为完成特定工作任务和事业发展目标，在基本支出之外编制的年度支出计划。\n"
           "   （五）“三公”经费：是使用区级财政拨款安排的因公出国（境）费、公务用车购置及运行费、公务接待费。\n"
           "   （六）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。")
explain = wb.create_sheet("单位编制说明")
explain["A1"] = f"{YEAR}年单位预算编制说明"
explain["A3"] = (f"    {YEAR}年，{UNIT}收入预算385.84万元，其中：财政拨款收入325.84万元，比2024年预算增加12.40万元；事业收入60.00万元；事业单位经营收入0万元；其他收入0万元。\n"
                 f"    支出预算385.84万元，其中：财政拨款支出预算325.84万元，比2024年预算增加12.40万元。财政拨款支出预算中，一般公共预算拨款支出预算325.84万元，比2024年预算增加12.40万元；政府性基金拨款支出预算0万元，与2024年预算持平；国有资本经营预算拨款支出预算0万元，与2024年预算持平。\n"
                 "    财政拨款收入支出增加的主要原因是长者照护之家床位增加。\n    财政拨款支出主要内容如下：")
items = [
    ("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "31.20", "人员养老保险缴费", "29.60", "5.41", "人员增加"),
    ("社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）", "15.60", "人员职业年金缴费", "14.80", "5.41", "人员增加"),
    ("社会保障和就业支出（类）社会福利（款）老年福利（项）", "220.00", "长者照护之家和日间照料中心运营", "208.00", "5.77", "床位增加"),
    ("卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）", "19.04", "人员医疗保险缴费", "18.20", "4.62", "缴费基数调整"),
    ("住房保障支出（类）住房改革支出（款）住房公积金（项）", "40.00", "在职人员住房公积金缴费", "38.40", "4.17", "缴费基数调整"),
]
for i, (subject, amount, use, prior, pct, reason) in enumerate(items, start=1):
    explain.cell(row=3 + i, column=1,
                 value=f"    {i}. “{subject}”{amount}万元，主要用于{use}。2024年当年预算执行数为{prior}万元，{YEAR}年预算安排{amount}万元，比2024年预算执行数增加{pct}%。主要原因是：{reason}。")

total = [3858400, 2418400, 540000, 900000]
table_sheet("单位收支总表", f"{YEAR}年预算单位财务收支预算总表", "元",
            [["本年收入", None, "本年支出", None, None, None, None], ["项目", "预算数", "项目", "预算数", None, None, None],
             [None, None, None, "合计", "基本支出", None, "项目支出"], [None, None, None, None, "人员经费", "公用经费", None]],
            [["一、财政拨款收入", 3258400, "一、社会保障和就业支出", 3268000, 1828000, 540000, 900000],
             ["1、一般公共预算", 3258400, "二、卫生健康支出", 190400, 190400, "", ""],
             ["2、政府性基金预算", "", "三、住房保障支出", 400000, 400000, "", ""],
             ["3、国有资本经营预算", "", "", "", "", "", ""],
             ["二、事业收入", 600000, "", "", "", "", ""],
             ["三、事业单位经营收入", "", "", "", "", "", ""],
             ["四、其他收入", "", "", "", "", "", ""],
             ["收入总计", 3858400, "支出总计", *total]],
            merges=[(6, 1, 6, 2), (6, 3, 6, 7), (7, 4, 7, 7), (8, 5, 8, 6)])
codes = [("208", "", "", "社会保障和就业支出"), ("208", "05", "", "行政事业单位养老支出"), ("208", "05", "05", "机关事业单位基本养老保险缴费支出"),
         ("208", "05", "06", "机关事业单位职业年金缴费支出"), ("208", "10", "", "社会福利"), ("208", "10", "02", "老年福利"),
         ("210", "", "", "卫生健康支出"), ("210", "11", "", "行政事业单位医疗"), ("210", "11", "02", "事业单位医疗"),
         ("221", "", "", "住房保障支出"), ("221", "02", "", "住房改革支出"), ("221", "02", "01", "住房公积金")]
totals = [3268000, 468000, 312000, 156000, 2800000, 2800000, 190400, 190400, 190400, 400000, 400000, 400000]
fiscal = [2668000, 468000, 312000, 156000, 2200000, 2200000, 190400, 190400, 190400, 400000, 400000, 400000]
basic = [2368000, 468000, 312000, 156000, 1900000, 1900000, 190400, 190400, 190400, 400000, 400000, 400000]
project = [900000, "", "", "", 900000, 900000, "", "", "", "", "", ""]
gb_project = [300000, "", "", "", 300000, 300000, "", "", "", "", "", ""]
income_rows = [[*c, t, f, (t - f) or "", "", ""] for c, t, f in zip(codes, totals, fiscal)]
income_rows.append(["", "", "", "合计", 3858400, 3258400, 600000, "", ""])
code_header = [["项目", None, None, None, "收入预算", None, None, None, None],
               ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
               ["类", "款", "项", None, None, None, None, None, None]]
table_sheet("单位收入总表", f"{YEAR}年预算单位收入预算总表", "元", code_header, income_rows,
            merges=[(6, 1, 6, 4), (6, 5, 6, 9), (7, 1, 7, 3)])
spend_header = [["项目", None, None, None, "支出预算", None, None],
                ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"],
                ["类", "款", "项", None, None, None, None]]
table_sheet("单位支出总表", f"{YEAR}年预算单位支出预算总表", "元", spend_header,
            [[*c, t, b, p] for c, t, b, p in zip(codes, totals, basic, project)] + [["", "", "", "合计", 3858400, 2958400, 900000]],
            merges=[(6, 1, 6, 4), (6, 5, 6, 7), (7, 1, 7, 3)])
table_sheet("单位财政拨款收支总表", f"{YEAR}年预算单位财政拨款收支预算总表", "元",
            [["财政拨款收入", None, "财政拨款支出", None, None, None, None],
             ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]],
            [["一、一般公共预算", 3258400, "一、社会保障和就业支出", 2668000, 2668000, "", ""],
             ["二、政府性基金预算", "", "二、卫生健康支出", 190400, 190400, "", ""],
             ["三、国有资本经营预算", "", "三、住房保障支出", 400000, 400000, "", ""],
             ["收入总计", 3258400, "支出总计", 3258400, 3258400, "", ""]],
            merges=[(6, 1, 6, 2), (6, 3, 6, 7)])
gb_header = [["项目", None, None, None, "一般公共预算支出", None, None],
             ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"],
             ["类", "款", "项", None, None, None, None]]
table_sheet("单位一般公共预算拨款表", f"{YEAR}年预算单位一般公共预算支出功能分类预算表", "元", gb_header,
            [[*c, f, b, p] for c, f, b, p in zip(codes, fiscal, basic, gb_project)] + [["", "", "", "合计", 3258400, 2958400, 300000]],
            merges=[(6, 1, 6, 4), (6, 5, 6, 7), (7, 1, 7, 3)])
for sheet, title, what in [("单位政府性基金拨款表", "政府性基金预算支出功能分类预算表", "政府性基金预算"),
                           ("单位国有资本经营预算拨款表", "国有资本经营预算支出功能分类预算表", "国有资本经营预算")]:
    ws = table_sheet(sheet, f"{YEAR}年预算单位{title}", "元",
                     [["项目", None, None, None, f"{what}支出", None, None],
                      ["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"],
                      ["类", "款", "项", None, None, None, None]],
                     [["", "", "", "合计", "", "", ""]], merges=[(6, 1, 6, 4), (6, 5, 6, 7), (7, 1, 7, 3)])
    ws["A11"] = f"注：本单位{YEAR}年无{what}财政拨款安排的预算，故本表为空表。"
economic = [("301", "", "工资福利支出", 2418400, 2418400, ""), ("301", "01", "基本工资", 420000, 420000, ""),
            ("301", "02", "津贴补贴", 180000, 180000, ""), ("301", "07", "绩效工资", 760000, 760000, ""),
            ("301", "08", "机关事业单位基本养老保险缴费", 312000, 312000, ""), ("301", "09", "职业年金缴费", 156000, 156000, ""),
            ("301", "10", "职工基本医疗保险缴费", 190400, 190400, ""), ("301", "13", "住房公积金", 400000, 400000, ""),
            ("302", "", "商品和服务支出", 540000, "", 540000), ("302", "01", "办公费", 60000, "", 60000),
            ("302", "05", "水费", 40000, "", 40000), ("302", "06", "电费", 120000, "", 120000),
            ("302", "09", "物业管理费", 280000, "", 280000), ("302", "28", "工会经费", 40000, "", 40000)]
table_sheet("单位一般公共预算拨款基本支出明细表", f"{YEAR}年预算单位一般公共预算基本支出部门预算经济分类预算表", "元",
            [["项目", None, None, "一般公共预算基本支出", None, None],
             ["经济分类科目编码", None, "部门经济分类科目名称", "合计", "人员经费", "公用经费"],
             ["类", "款", None, None, None, None]],
            [list(e) for e in economic] + [["", "", "合计", 2958400, 2418400, 540000]],
            merges=[(6, 1, 6, 3), (6, 4, 6, 6), (7, 1, 7, 2)])
ws = wb.create_sheet("单位“三公”经费和机关运行费预算表")
ws["A2"] = f"{YEAR}年单位“三公”经费和机关运行经费预算表"
ws.merge_cells("A2:G2")
ws["A3"] = f"编制单位：{UNIT}"
ws["G3"] = "单位:万元"
for cell, value in {"A4": "“三公”经费预算数", "G4": "机关运行经费预算数", "A5": "合计", "B5": "因公出国(境)费", "C5": "公务接待费",
                    "D5": "公务用车购置及运行费", "D6": "小计", "E6": "购置费", "F6": "运行费"}.items():
    ws[cell] = value
for rng in ["A4:F4", "G4:G6", "A5:A6", "B5:B6", "C5:C6", "D5:F5"]:
    ws.merge_cells(rng)
for col, value in zip("ABCDEFG", [0.50, 0, 0.50, 0, 0, 0, 0]):
    ws[f"{col}7"] = value
    ws[f"{col}7"].number_format = "0.00"
text_sheet("其他相关情况说明", "其他相关情况说明",
           f"  一、{YEAR}年“三公”经费预算情况说明\n"
           f"     {YEAR}年“三公”经费预算数为0.50万元，与2024年预算持平。其中：\n"
           "    （一）因公出国（境）费0.00万元，与2024年预算持平，主要原因是无因公出国（境）计划。\n"
           "    （二）公务用车购置及运行费0.00万元，与2024年预算持平，主要原因是本单位无公务用车。其中：公务用车购置费0.00万元，公务用车运行费0.00万元。\n"
           "    （三）公务接待费0.50万元，与2024年预算持平，主要原因是接待任务无变化。\n"
           "  二、机关运行经费预算\n     本单位为公益类事业单位，无机关运行经费。\n"
           "  三、政府采购预算情况\n"
           f"     {YEAR}年度本单位政府采购预算28.00万元，其中：政府采购货物预算8.00万元、政府采购工程预算0.00万元、政府采购服务预算20.00万元。\n"
           "  四、绩效目标设置情况\n"
           f"     {YEAR}年度，本单位编报绩效目标的项目共1个，涉及项目预算资金90.00万元。\n"
           "  五、国有资产占有使用情况\n"
           f"     截至2024年8月31日，本单位共有车辆0辆；单价100万元（含）以上设备（不含车辆）0台（套）。\n"
           f"     {YEAR}年单位预算安排购置车辆0辆；单位预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。")
wb.save("examples/shanghai-unit-budget-2025.xlsx")
print("wrote examples/shanghai-unit-budget-2025.xlsx")
