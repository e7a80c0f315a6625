import GongkaiCore

/// 合计 row = Σ top-level rows; a numbered group row = Σ its items.
public struct ColumnTotalRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "column-total",
        title: "合计行不等于各项之和",
        category: .arithmetic,
        severity: .error,
        rationale: "表中合计（总计）行应等于各一级科目（或各收入、支出项目）之和；带序号的分组行（如“一、财政拨款收入”）应等于其下各项之和。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            ↓合计\t\t40.00\t40.00\t
            201\t一般公共服务支出\t30.00\t30.00\t
            221\t住房保障支出\t12.00\t12.00\t
            """),
            // The classes under 一、本年支出 do not add up to it.
            RuleExample("""
            ## 2026年财政拨款收支预算总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、本年收入\t110.00\t↓一、本年支出\t110.00
            （一）一般公共预算资金\t110.00\t一、一般公共服务支出\t60.00
            （二）政府性基金预算资金\t\t二、外交支出\t
            \t\t三、国防支出\t40.00
            二、上年结转\t\t二、年终结转结余\t
            收入总计\t110.00\t支出总计\t110.00
            """),
            // 支出总计 equals the classes; 一、本年支出 over them is the figure misprinted, so it is the one reported.
            RuleExample("""
            ## 2026年财政拨款收支总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、本年收入\t100.02\t↓一、本年支出\t100.00
            （一）一般公共预算拨款\t100.02\t（一）一般公共服务支出\t60.01
            （二）政府性基金预算拨款\t\t（二）外交支出\t
            \t\t（三）国防支出\t
            \t\t（四）公共安全支出\t40.01
            二、上年结转\t\t二、年终结转结余\t
            收入总计\t100.02\t支出总计\t100.02
            """),
        ],
        nonTriggering: [
            // An 其中 row names a part of its row: neither the row's breakdown nor a part of the total.
            RuleExample("""
            ## 2021年收支预算总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、财政拨款\t100.00\t一、教育支出\t150.00
            二、其他收入\t50.00\t\t
            其中：捐赠收入\t5.00\t\t
            本年收入合计\t150.00\t本年支出合计\t150.00
            """),
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t42.00\t42.00\t
            201\t一般公共服务支出\t30.00\t30.00\t
            221\t住房保障支出\t12.00\t12.00\t
            """),
            // A blank cell may hide less than half a cent of 万元: three rows, one blank, explain 0.02 of rounding.
            RuleExample("""
            ## 2026年一般公共预算基本支出表
            单位：万元
            科目编码	科目名称	合计	人员经费	公用经费
            合计		26,790.33	25,530.51	1,259.82
            301	工资福利支出	23,647.92	23,647.92	
            302	商品和服务支出	1,259.82		1,259.82
            303	对个人和家庭的补助	1,882.57	1,882.57	
            """),
            // 一、本年支出合计 printed above its classes adds them up, and 支出总计 adds it and 二、年终结转结余;
            // 二、上年结转结余 heads the same fund rows as 一、财政拨款.
            RuleExample("""
            ## 2026年财政拨款收支预算总表
            单位：万元
            收入		支出	
            项目	预算数	项目	预算数
            一、财政拨款	100.00	一、本年支出合计	110.00
            一般公共预算	100.00	一般公共服务支出	60.00
            政府性基金预算		公共安全支出	50.00
            二、上年结转结余	10.00	二、年终结转结余	
            一般公共预算	10.00		
            政府性基金预算			
            收入总计	110.00	支出总计	110.00
            """),
            // 一、本年支出 over classes numbered 一、二、三 again: the classes add up to it, not to 支出总计.
            RuleExample("""
            ## 2026年财政拨款收支预算总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、本年收入\t110.00\t一、本年支出\t110.00
            （一）一般公共预算资金\t110.00\t一、一般公共服务支出\t60.00
            （二）政府性基金预算资金\t\t二、外交支出\t
            \t\t三、国防支出\t50.00
            二、上年结转\t\t二、年终结转结余\t
            收入总计\t110.00\t支出总计\t110.00
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        mismatchedSums(context, kind: .column)
    }
}
