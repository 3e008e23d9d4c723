/// A JSON value that remembers where it came from, so a finding inside a string value can point
/// at the exact line and column of the file even when the string holds escapes.
public indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)], at: Int)
    case array([JSONValue], at: Int)
    case string(String, SourceAnchors, at: Int)
    case number(String, at: Int)
    case bool(Bool, at: Int)
    case null(at: Int)

    /// Byte offset of the value's first byte in the parsed buffer.
    public var offset: Int {
        switch self {
        case .object(_, let at), .array(_, let at), .string(_, _, let at), .number(_, let at),
             .bool(_, let at), .null(let at):
            return at
        }
    }

    public var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// Maps byte offsets in a decoded string to byte offsets in its source: a sorted list of points
/// from which the two advance together, one point after every escape sequence.
public struct SourceAnchors: Sendable {
    /// Source offset of the text's first byte.
    var base: Int32
    /// Later anchor points (decoded offset, source offset), one after each escape; empty for most
    /// strings, so building one allocates nothing.
    var points: [SIMD2<Int32>] = []

    public init(start: Int) {
        base = Int32(start)
    }

    mutating func add(decoded offset: Int, source sourceOffset: Int) {
        points.append(SIMD2(Int32(offset), Int32(sourceOffset)))
    }

    public func sourceOffset(of offset: Int) -> Int {
        // Anchors are few (one per escape): a backwards linear scan beats a binary search here.
        var index = points.count - 1
        while index >= 0 {
            let point = points[index]
            if Int(point.x) <= offset { return Int(point.y) + (offset - Int(point.x)) }
            index -= 1
        }
        return Int(base) + offset
    }
}

public struct JSONParseError: Error, Sendable {
    public let offset: Int
    public let message: String
}

/// A small strict JSON parser (RFC 8259) over UTF-8 bytes that keeps source offsets.
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private static let maxDepth = 64

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index != bytes.count {
            throw JSONParseError(offset: parser.index, message: "unexpected text after the JSON value")
        }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func fail(_ message: String) -> JSONParseError {
        JSONParseError(offset: index, message: message)
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw fail("unexpected end of input") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let (text, anchors) = try parseString()
            return .string(text, anchors, at: start)
        case UInt8(ascii: "t"): try expect("true"); return .bool(true, at: start)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false, at: start)
        case UInt8(ascii: "n"): try expect("null"); return .null(at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character '\(Unicode.Scalar(bytes[index]))'")
        }
    }

    private mutating func expect(_ word: String) throws {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count else { throw fail("unexpected end of input") }
        for offset in 0..<expected.count where bytes[index + offset] != expected[offset] {
            throw fail("invalid literal")
        }
        index += expected.count
    }

    private mutating func parseObject() throws -> JSONValue {
        let start = index
        depth += 1
        defer { depth -= 1 }
        if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members, at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let (key, _) = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, at: start) }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        let start = index
        depth += 1
        defer { depth -= 1 }
        if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements, at: start)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated list") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements, at: start) }
            throw fail("expected ',' or ']' in a list")
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1; digits += 1 }
        guard digits > 0 else { throw fail("invalid number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fraction = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1; fraction += 1 }
            guard fraction > 0 else { throw fail("invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var exponent = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1; exponent += 1 }
            guard exponent > 0 else { throw fail("invalid number") }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), at: start)
    }

    private mutating func parseString() throws -> (String, SourceAnchors) {
        index += 1
        let contentStart = index
        // Fast path: no escapes, the decoded text is the source slice.
        var scan = index
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                index = scan + 1
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<scan]), as: UTF8.self)
                return (text, SourceAnchors(start: contentStart))
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            scan += 1
        }
        var decoded: [UInt8] = Array(bytes[contentStart..<scan])
        var anchors = SourceAnchors(start: contentStart)
        index = scan
        while true {
            guard index < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return (String(decoding: decoded, as: UTF8.self), anchors)
            }
            if byte < 0x20 { throw fail("control character inside a string") }
            if byte != UInt8(ascii: "\\") {
                decoded.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw fail("unterminated escape") }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""): decoded.append(0x22)
            case UInt8(ascii: "\\"): decoded.append(0x5C)
            case UInt8(ascii: "/"): decoded.append(0x2F)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex4()
                if (0xD800...0xDBFF).contains(value) {
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid surrogate pair") }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        throw fail("lone surrogate escape")
                    }
                } else if (0xDC00...0xDFFF).contains(value) {
                    throw fail("lone surrogate escape")
                }
                guard let scalar = Unicode.Scalar(value) else { throw fail("invalid \\u escape") }
                decoded.append(contentsOf: Array(String(scalar).utf8))
            default:
                throw fail("invalid escape '\\\(Unicode.Scalar(escape))'")
            }
            anchors.add(decoded: decoded.count, source: index)
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
