import Foundation

/// A straight line a PDF draws across a page — a table's cell border — in the words' coordinates
/// (points, origin at the top left).
struct PDFRuling: Sendable, Equatable {
    enum Direction: Sendable, Equatable {
        case horizontal
        case vertical
    }

    var direction: Direction
    /// The y of a horizontal line, the x of a vertical one.
    var position: Double
    /// Where the line starts and ends along its direction.
    var from: Double
    var to: Double

    /// Whether the line runs past `value` along its direction, give or take `slack`.
    func spans(_ value: Double, slack: Double) -> Bool { value >= from - slack && value <= to + slack }
}

/// Parses MuPDF's device trace (`mutool draw -F trace`) into each page's ruling lines: thin filled
/// rectangles (one producer draws every cell edge as a 0.75 pt fill) and the horizontal and vertical
/// segments of stroked paths, transformed to page coordinates. White lines, curves and filled areas
/// are not rulings; text in the trace is skipped (the words come from `-F stext`).
enum TraceRulingParser {
    /// A filled rectangle this thin (points) is a line.
    static let thinness = 2.5
    /// Lines shorter than this (points) are marks, not borders.
    static let minimumLength = 4.0

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int: [PDFRuling]] {
        var state = State()
        XMLElementLine.scan(bytes) { state.read($0) }
        return state.rulings
    }

    /// Reads a trace as it arrives from MuPDF's pipe, in chunks of any size (the trace of a long
    /// document is tens of MB, most of it glyphs, and none of it is held at once).
    struct Reader {
        private var state = State()
        private var chunks = XMLElementLineChunks()

        /// Reads the next piece of the trace.
        mutating func feed(_ chunk: Data) throws {
            try chunks.feed(chunk) { state.read($0) }
        }

        /// Each page's rulings, once the trace has ended.
        mutating func finish() throws -> [Int: [PDFRuling]] {
            try chunks.finish { state.read($0) }
            return state.rulings
        }
    }

    private struct State {
        var rulings: [Int: [PDFRuling]] = [:]
        var page = 0
        /// The path being read: whether filled, its transform, its subpaths' points.
        var painting: (filled: Bool, transform: [Double], visible: Bool)?
        var subpaths: [[(Double, Double)]] = []
        var curved = false

        mutating func read(_ line: XMLElementLine) {
            if line.begins(with: "<moveto ") || line.begins(with: "<lineto ") {
                guard painting != nil, let x = line.number("x"), let y = line.number("y") else { return }
                if line.begins(with: "<moveto ") || subpaths.isEmpty { subpaths.append([]) }
                subpaths[subpaths.count - 1].append((x, y))
            } else if line.begins(with: "<closepath") {
                if let first = subpaths.last?.first { subpaths[subpaths.count - 1].append(first) }
            } else if line.begins(with: "<curveto") {
                curved = true
            } else if line.begins(with: "<fill_path ") || line.begins(with: "<stroke_path ") {
                let transform = line.value("transform").map { line.numbers(in: $0, limit: 6) } ?? []
                painting = (line.begins(with: "<fill_path "), transform.count == 6 ? transform : [1, 0, 0, 1, 0, 0],
                            Self.isVisible(line))
                subpaths = []
                curved = false
            } else if line.begins(with: "</fill_path") || line.begins(with: "</stroke_path") {
                finishPath()
            } else if line.begins(with: "<page ") {
                page += 1
            }
        }

        private mutating func finishPath() {
            defer { painting = nil }
            guard let painting, painting.visible, !curved, page > 0 else { return }
            let m = painting.transform
            for points in subpaths {
                let placed = points.map { (m[0] * $0.0 + m[2] * $0.1 + m[4], m[1] * $0.0 + m[3] * $0.1 + m[5]) }
                if painting.filled {
                    addThinRectangle(placed)
                } else {
                    for (start, end) in zip(placed, placed.dropFirst()) { addSegment(start, end) }
                }
            }
        }

        private mutating func addThinRectangle(_ points: [(Double, Double)]) {
            guard let left = points.map(\.0).min(), let right = points.map(\.0).max(),
                  let top = points.map(\.1).min(), let bottom = points.map(\.1).max() else { return }
            let width = right - left, height = bottom - top
            if height <= TraceRulingParser.thinness, width >= TraceRulingParser.minimumLength {
                add(PDFRuling(direction: .horizontal, position: (top + bottom) / 2, from: left, to: right))
            } else if width <= TraceRulingParser.thinness, height >= TraceRulingParser.minimumLength {
                add(PDFRuling(direction: .vertical, position: (left + right) / 2, from: top, to: bottom))
            }
        }

        private mutating func addSegment(_ start: (Double, Double), _ end: (Double, Double)) {
            let dx = abs(end.0 - start.0), dy = abs(end.1 - start.1)
            if dy < 0.5, dx >= TraceRulingParser.minimumLength {
                add(PDFRuling(direction: .horizontal, position: (start.1 + end.1) / 2, from: min(start.0, end.0), to: max(start.0, end.0)))
            } else if dx < 0.5, dy >= TraceRulingParser.minimumLength {
                add(PDFRuling(direction: .vertical, position: (start.0 + end.0) / 2, from: min(start.1, end.1), to: max(start.1, end.1)))
            }
        }

        private mutating func add(_ ruling: PDFRuling) {
            rulings[page, default: []].append(ruling)
        }

        /// A path painted white (or nearly) draws nothing on a white page.
        private static func isVisible(_ line: XMLElementLine) -> Bool {
            guard let range = line.value("color") else { return true }
            let components = line.numbers(in: range, limit: 4)
            let space = line.value("colorspace").map { line.text($0) } ?? ""
            if space.contains("CMYK") { return !components.allSatisfy { $0 <= 0.05 } }
            return !(components.count > 0 && components.allSatisfy { $0 >= 0.95 })
        }
    }
}
