/// Reads the amount of a price as people write it: "¥1,299.00", "1 690,54 руб.", "2.950,00 €",
/// "From $109.90". Thousands and decimal separators are told apart the way a reader does: the
/// last separator is the decimal one unless it is followed by exactly three digits and the same
/// separator, or the other one, appears earlier.
public enum PriceParser {
    public struct Price: Sendable, Equatable {
        public let amount: Double
        /// The amount as written, and its byte range in the input.
        public let text: String
        public let range: Range<Int>
    }

    /// The first amount in `text`, if any.
    public static func parseAmount(_ text: String) -> Price? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else { index += 1; continue }
            let start = index
            var end = index
            var cursor = index
            // Digits with single separators between digit groups.
            while cursor < bytes.count {
                if isDigit(bytes[cursor]) {
                    cursor += 1
                    end = cursor
                    continue
                }
                let separatorLength = separatorWidth(bytes, cursor)
                if separatorLength > 0, cursor + separatorLength < bytes.count, isDigit(bytes[cursor + separatorLength]) {
                    // A blank only groups thousands: exactly three digits must follow it.
                    if bytes[cursor] != 0x2E && bytes[cursor] != 0x2C {
                        var digits = 0
                        while cursor + separatorLength + digits < bytes.count && isDigit(bytes[cursor + separatorLength + digits]) { digits += 1 }
                        if digits != 3 { break }
                    }
                    cursor += separatorLength
                    continue
                }
                break
            }
            let raw = Array(bytes[start..<end])
            if let amount = interpret(raw) {
                return Price(amount: amount, text: String(decoding: raw, as: UTF8.self), range: start..<end)
            }
            index = end + 1
        }
        return nil
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Bytes of a separator at `index`: ".", ",", "'", space, no-break or thin space, or "’".
    static func separatorWidth(_ bytes: [UInt8], _ index: Int) -> Int {
        switch bytes[index] {
        case 0x2E, 0x2C, 0x27, 0x20: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x89 || bytes[index + 2] == 0xAF || bytes[index + 2] == 0x99): return 3
        default: return 0
        }
    }

    /// Splits digits and separators and decides which separator, if any, is the decimal point.
    static func interpret(_ raw: [UInt8]) -> Double? {
        var groups: [String] = []
        var separators: [Character] = []
        var current = ""
        var index = 0
        while index < raw.count {
            if isDigit(raw[index]) {
                current.append(Character(Unicode.Scalar(raw[index])))
                index += 1
            } else {
                let width = separatorWidth(raw, index)
                let kind: Character = raw[index] == 0x2E ? "." : raw[index] == 0x2C ? "," : " "
                groups.append(current)
                separators.append(kind)
                current = ""
                index += max(1, width)
            }
        }
        groups.append(current)
        guard !groups.isEmpty else { return nil }
        if separators.isEmpty { return Double(groups[0]) }
        var decimalAt: Int?
        let last = separators.count - 1
        let lastKind = separators[last]
        if lastKind == "." || lastKind == "," {
            let others = separators.dropLast()
            let fractionDigits = groups[last + 1].count
            if others.contains(where: { $0 != lastKind && $0 != " " }) {
                decimalAt = last
            } else if others.contains(lastKind) {
                decimalAt = nil
            } else if fractionDigits == 3 && lastKind == "," {
                decimalAt = nil
            } else if fractionDigits == 3 && lastKind == "." && groups[0].count <= 3 && others.contains(" ") == false && groups[0] != "0" {
                // "1.000" reads as a thousand only with a leading group of one to three digits
                // and nothing else around it; "423.923" of a three-decimal currency stays decimal.
                decimalAt = groups[0].count == 1 && groups[last + 1] == "000" ? nil : last
            } else {
                decimalAt = last
            }
        }
        if let decimalAt {
            return Double(groups[0...decimalAt].joined() + "." + groups[(decimalAt + 1)...].joined())
        }
        return Double(groups.joined())
    }
}
