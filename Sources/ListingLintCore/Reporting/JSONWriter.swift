/// Writes JSON with keys in the order given, so output is stable and diffable.
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    public static func quote(_ text: String) -> String {
        var output: [UInt8] = [0x22]
        output.reserveCapacity(text.utf8.count + 8)
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: output.append(0x5C); output.append(0x22)
                case 0x5C: output.append(0x5C); output.append(0x5C)
                case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
                case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 break JavaScript string literals.
                    output.append(contentsOf: Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    index += 2
                default:
                    if byte < 0x20 {
                        let hex = Array(String(byte, radix: 16).utf8)
                        output.append(contentsOf: Array("\\u00".utf8))
                        if hex.count == 1 { output.append(UInt8(ascii: "0")) }
                        output.append(contentsOf: hex)
                    } else {
                        output.append(byte)
                    }
                }
                index += 1
            }
        }
        output.append(0x22)
        return String(decoding: output, as: UTF8.self)
    }

    public static func number(_ value: Double?) -> String {
        guard let value else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// An object from ordered members whose values are already JSON.
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}
