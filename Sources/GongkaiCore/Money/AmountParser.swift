/// What a table cell or a number in a sentence holds once read.
public enum ParsedNumber: Hashable, Sendable {
    /// Nothing: blank, `-`, `—`, `--`, `/`.
    case empty
    /// A number, with the count of decimals written.
    case number(magnitudeText: String, value: Amount, decimals: Int)
}

/// Parses published amounts: `1,234.56`, `１２３`, `-12.5`, `（12.5）`, blank, `-`, `—`.
public enum AmountParser {
    /// Parses `text` as an amount written in `unit`. Returns nil when the text is not a number
    /// (letters, two decimal points, overflow ...), `.empty` for blank cells and dashes.
    public static func parse(_ text: String, unit: MoneyUnit) -> Figure? {
        switch scan(text, unit: unit) {
        case .none: nil
        case .empty?: Figure(amount: .zero, unit: unit, decimals: 0)
        case let .number(_, value, decimals)?: Figure(amount: value, unit: unit, decimals: decimals)
        }
    }

    /// Scans `text` into a `ParsedNumber`, or nil when it is not a number.
    public static func scan(_ text: String, unit: MoneyUnit) -> ParsedNumber? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where !ChineseText.isSpace(scalar) {
            scalars.append(ChineseText.halfWidth(scalar))
        }
        if scalars.isEmpty { return .empty }
        if scalars.allSatisfy({ ["-", "—", "–", "/", "－", "─"].contains($0) }) { return .empty }
        var negative = false
        var index = 0
        var end = scalars.count
        if scalars[0] == "(", scalars[end - 1] == ")", end > 2 {
            negative = true
            index = 1
            end -= 1
        }
        if index < end, scalars[index] == "-" || scalars[index] == "−" {
            negative.toggle()
            index += 1
        } else if index < end, scalars[index] == "+" {
            index += 1
        }
        guard index < end else { return nil }
        var integerDigits: Int64 = 0
        var fractionDigits: [UInt8] = []
        var seenDigit = false
        var seenPoint = false
        var lastWasSeparator = false
        var digitsSinceSeparator = 0
        var seenSeparator = false
        while index < end {
            let scalar = scalars[index]
            if let digit = digitValue(scalar) {
                seenDigit = true
                lastWasSeparator = false
                if seenPoint {
                    fractionDigits.append(digit)
                } else {
                    let (multiplied, overflow1) = integerDigits.multipliedReportingOverflow(by: 10)
                    let (added, overflow2) = multiplied.addingReportingOverflow(Int64(digit))
                    if overflow1 || overflow2 { return nil }
                    integerDigits = added
                    digitsSinceSeparator += 1
                }
            } else if scalar == ",", !seenPoint, seenDigit, !lastWasSeparator {
                if seenSeparator && digitsSinceSeparator != 3 { return nil }
                seenSeparator = true
                lastWasSeparator = true
                digitsSinceSeparator = 0
            } else if scalar == ".", !seenPoint, !lastWasSeparator {
                seenPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard seenDigit, !lastWasSeparator else { return nil }
        if seenSeparator && digitsSinceSeparator != 3 { return nil }
        guard fractionDigits.count <= 12 else { return nil }
        // value in fen = (integer + fraction) * fenPerUnit, rounded half-up to whole fen.
        let perUnit = unit.fenPerUnit
        let (integerFen, overflow) = integerDigits.multipliedReportingOverflow(by: perUnit)
        if overflow { return nil }
        var fractionValue: Int64 = 0
        for digit in fractionDigits { fractionValue = fractionValue * 10 + Int64(digit) }
        let scale = pow10(fractionDigits.count)
        let (product, productOverflow) = fractionValue.multipliedReportingOverflow(by: perUnit)
        if productOverflow { return nil }
        var fractionFen = product / scale
        if (product % scale) * 2 >= scale { fractionFen += 1 }
        let (total, totalOverflow) = integerFen.addingReportingOverflow(fractionFen)
        if totalOverflow { return nil }
        let magnitudeText = String(String.UnicodeScalarView(scalars[(negative && scalars.first == "(" ? 1 : 0)..<scalars.count]))
        return .number(magnitudeText: magnitudeText, value: Amount(fen: negative ? -total : total), decimals: fractionDigits.count)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        guard value >= 48, value <= 57 else { return nil }
        return UInt8(value - 48)
    }
}
