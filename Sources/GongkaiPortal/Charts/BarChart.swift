import GongkaiCore
import GongkaiRender

/// A grouped bar chart drawn on the server as inline SVG: one group per category (a year, a unit),
/// one bar per series, a value axis in 万元. The chart is an image with a title and a description;
/// the page prints the same numbers in a table beside it, so nothing is only in the picture.
public struct BarChart: Sendable {
    /// One series of bars.
    public struct Series: Sendable {
        /// Its name in the legend.
        public var name: String
        /// One value per category; nil where there is none.
        public var values: [Amount?]

        /// Creates a series.
        public init(name: String, values: [Amount?]) {
            self.name = name
            self.values = values
        }
    }

    /// The chart's title (read out as the image's name).
    public var title: String
    /// The categories along the axis.
    public var categories: [String]
    /// The series.
    public var series: [Series]

    /// Creates a chart.
    public init(title: String, categories: [String], series: [Series]) {
        self.title = title
        self.categories = categories
        self.series = series
    }

    /// Colours with at least 3:1 contrast on white, told apart without colour by the legend's order
    /// and each bar's own title.
    static let colours = ["#1f5fa8", "#b45309", "#2e7d32", "#7b1fa2", "#b91c1c", "#0f766e"]

    /// The SVG element.
    public func svg(id: String) -> String {
        let width = 720, height = 300, left = 90, right = 16, top = 36, bottom = 48
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = series.flatMap(\.values).compactMap { $0?.fen }.max() ?? 0
        // Four steps of a round size: the axis reads 0, 0.20, 0.40 … rather than 0.13, 0.38.
        let scale = Self.niceCeiling((max(largest, 1) + 3) / 4) * 4
        let groupWidth = Double(plotWidth) / Double(max(categories.count, 1))
        let barWidth = min(48, groupWidth * 0.8 / Double(max(series.count, 1)))
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">")
        parts.append("<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>")
        parts.append("<desc id=\"\(id)-desc\">单位：万元。图中数字见下表。</desc>")
        for step in 0...4 {
            let y = top + plotHeight - plotHeight * step / 4
            let value = Amount(fen: scale / 4 * Int64(step))
            parts.append("<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>")
            parts.append("<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">\(PortalFormat.wan(value))</text>")
        }
        for (categoryIndex, category) in categories.enumerated() {
            let groupLeft = Double(left) + groupWidth * Double(categoryIndex)
            let barsWidth = barWidth * Double(series.count)
            for (seriesIndex, item) in series.enumerated() {
                guard categoryIndex < item.values.count, let value = item.values[categoryIndex] else { continue }
                let barHeight = Double(plotHeight) * Double(max(value.fen, 0)) / Double(scale)
                let x = groupLeft + (groupWidth - barsWidth) / 2 + barWidth * Double(seriesIndex)
                let y = Double(top + plotHeight) - barHeight
                parts.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(barWidth - 2))\" height=\"\(Self.number(barHeight))\" fill=\"\(Self.colours[seriesIndex % Self.colours.count])\"><title>\(HTMLEscaping.escape("\(category) \(item.name)：\(PortalFormat.wan(value)) 万元"))</title></rect>")
            }
            let label = category.count > 8 ? String(category.prefix(7)) + "…" : category
            parts.append("<text x=\"\(Self.number(groupLeft + groupWidth / 2))\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">\(HTMLEscaping.escape(label))</text>")
        }
        var legendX = left
        for (index, item) in series.enumerated() {
            parts.append("<rect x=\"\(legendX)\" y=\"10\" width=\"12\" height=\"12\" fill=\"\(Self.colours[index % Self.colours.count])\"/>")
            parts.append("<text x=\"\(legendX + 16)\" y=\"21\" font-size=\"12\" fill=\"#333\">\(HTMLEscaping.escape(item.name))</text>")
            legendX += 28 + item.name.count * 13
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ fen (n ≥ 1) at or above `value`, so the axis reads in round numbers.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var magnitude: Int64 = 10
        while magnitude <= value / 10 { magnitude *= 10 }
        for tenths in [10, 20, 25, 50, 100] as [Int64] where magnitude * tenths / 10 >= value { return magnitude * tenths / 10 }
        return magnitude * 10
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
