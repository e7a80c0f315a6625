import GongkaiCore

/// The “三公” table: 因公出国（境）费, 公务用车购置及运行费 (小计, 购置, 运行), 公务接待费; alone, or with
/// 机关运行经费 beside it.
struct ThreePublicCostsTable {
    let context: TableContext

    func table(_ entry: RenderLayout.Table) -> RenderedTable {
        let costs = context.budget.threePublicCosts
        if entry.form != .withOperatingCosts {
            let header = [[HeaderCell(context.group(entry) ?? "预算数", columns: 6)],
                          [HeaderCell("合计", rows: 2), HeaderCell("因公出国（境）费", rows: 2), HeaderCell("公务用车购置及运行费", columns: 3),
                           HeaderCell("公务接待费", rows: 2)],
                          [HeaderCell("小计"), HeaderCell("公务用车购置费"), HeaderCell("公务用车运行费")]]
            let values = [costs.total, costs.travelAbroad.amount, costs.vehicleTotal, costs.vehiclePurchase.amount, costs.vehicleOperation.amount,
                          costs.reception.amount]
            return context.table(entry, header: header, columns: 6, rows: [RenderedRow(values.map(RenderedCell.amount))],
                                 emptyNote: costs.total.isZero ? context.emptyNote("“三公”经费预算") : nil)
        }
        let header = [[HeaderCell("“三公”经费预算数", columns: 6), HeaderCell("机关运行经费预算数", rows: 3)],
                      [HeaderCell("合计", rows: 2), HeaderCell("因公出国(境)费", rows: 2), HeaderCell("公务接待费", rows: 2),
                       HeaderCell("公务用车购置及运行费", columns: 3)],
                      [HeaderCell("小计"), HeaderCell("购置费"), HeaderCell("运行费")]]
        let operating = context.budget.operatingCosts?.amount ?? .zero
        let values = [costs.total, costs.travelAbroad.amount, costs.reception.amount, costs.vehicleTotal, costs.vehiclePurchase.amount,
                      costs.vehicleOperation.amount, operating]
        return context.table(entry, header: header, columns: 7, rows: [RenderedRow(values.map(RenderedCell.amount))],
                             emptyNote: costs.total.isZero && operating.isZero ? context.emptyNote("“三公”经费和机关运行经费预算") : nil)
    }
}
