import Foundation

/// PDFs that keep a PDF extractor busy for a long time, for the tests that stop one.
public enum SlowPDF {
    /// A PDF whose form objects draw each other twice over, `depth` levels deep: pdftotext works on
    /// it for many minutes (2^depth copies of its words).
    public static func fanOut(depth: Int) -> Data {
        var objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
                                 "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        func stream(_ body: String, _ extra: String = "") -> String { "<< /Length \(body.utf8.count)\(extra) >>\nstream\n\(body)\nendstream" }
        objects.append(stream("/X1 Do"))
        for level in 1...depth {
            let resources = level < depth ? "/Resources << /XObject << /X\(level + 1) \(6 + level) 0 R >> >>" : "/Resources << /Font << /F1 4 0 R >> >>"
            let body = level < depth ? "q /X\(level + 1) Do Q q 1 0 0 1 0.001 0 cm /X\(level + 1) Do Q"
                : "BT /F1 10 Tf 50 700 Td " + (1...10).map { "(\($0)) Tj 20 0 Td" }.joined(separator: " ") + " ET"
            objects.append(stream(body, " /Type /XObject /Subtype /Form /BBox [0 0 595 842] \(resources)"))
        }
        var text = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }
}
