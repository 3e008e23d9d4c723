import Foundation
import Yams

/// The listings read from one input, and what could not be read. One bad record never hides
/// the others: a catalogue line that fails is an error, and the next line is still read.
public struct ReadResult: Sendable {
    public var listings: [Listing] = []
    public var errors: [InputError] = []
}

public enum ListingFormat: String, Sendable {
    case markdown, json, jsonLines

    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }

    /// Standard input has no name: guess from its first bytes.
    static func sniff(_ bytes: [UInt8]) -> ListingFormat {
        let content = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        guard content.first == UInt8(ascii: "{") else { return .markdown }
        let lines = bytes.split(separator: 0x0A).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 } }
        return lines.count > 1 && lines.allSatisfy { $0.first == UInt8(ascii: "{") } ? .jsonLines : .json
    }
}

public enum ListingReader {
    /// Front matter larger than this is not a listing's (and may be a YAML bomb).
    static let maxYAMLNodes = 10_000

    public static func read(bytes: [UInt8], file: String, format: ListingFormat) -> ReadResult {
        var result = ReadResult()
        if bytes.isEmpty {
            result.errors.append(InputError(file: file, message: "the file is empty"))
            return result
        }
        if format == .jsonLines {
            return readCatalogue(bytes, file: file)
        }
        if let problem = binaryOrInvalid(bytes, file: file, firstLine: 1) {
            result.errors.append(problem)
            return result
        }
        let outcome: Result<Listing, InputError>
        switch format {
        case .markdown: outcome = readMarkdown(bytes, file: file)
        case .json: outcome = readJSON(bytes, file: file, firstLine: 1)
        case .jsonLines: fatalError("handled above")
        }
        switch outcome {
        case .success(let listing): result.listings.append(listing)
        case .failure(let error): result.errors.append(error)
        }
        return result
    }

    // MARK: - Byte-level checks

    /// A NUL byte means binary; otherwise the first invalid UTF-8 sequence, with its line.
    static func binaryOrInvalid(_ bytes: [UInt8], file: String, firstLine: Int) -> InputError? {
        if let nul = bytes.firstIndex(of: 0) {
            let line = firstLine + bytes[..<nul].filter { $0 == 0x0A }.count
            return InputError(file: file, line: line, message: "binary content (NUL byte at offset \(nul)): not a listing")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let line = firstLine + bytes[..<bad].filter { $0 == 0x0A }.count
            return InputError(file: file, line: line, message: String(format: "invalid UTF-8 (byte 0x%02X at offset %d): save the listing as UTF-8", bytes[bad], bad))
        }
        return nil
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= count else { return index }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return index }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            index += length
        }
        return nil
    }

    // MARK: - Markdown with front matter

    static func readMarkdown(_ bytes: [UInt8], file: String) -> Result<Listing, InputError> {
        let lines = LineIndex(bytes: bytes)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        func lineEnd(_ from: Int) -> Int { bytes[from...].firstIndex(of: 0x0A) ?? bytes.count }
        func lineText(_ from: Int) -> String {
            var end = lineEnd(from)
            if end > from && bytes[end - 1] == 0x0D { end -= 1 }
            return String(decoding: bytes[from..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        guard start < bytes.count, lineText(start) == "---" else {
            return .failure(InputError(file: file, line: 1, message: "missing front matter: a listing starts with a '---' line, its YAML keys (id, title, category, …), and a closing '---' line"))
        }
        let yamlStart = min(lineEnd(start) + 1, bytes.count)
        var cursor = yamlStart
        var closing: Int?
        while cursor < bytes.count {
            let text = lineText(cursor)
            if text == "---" || text == "..." { closing = cursor; break }
            cursor = lineEnd(cursor) + 1
        }
        guard let closing else {
            return .failure(InputError(file: file, line: 1, message: "front matter is not closed: add a '---' line after the last key"))
        }
        let bodyStart = min(lineEnd(closing) + 1, bytes.count)
        let yaml = String(decoding: bytes[yamlStart..<closing], as: UTF8.self)
        let frontMatterLine = lines.position(of: yamlStart).line
        let fields: [(key: String, value: FieldValue)]
        let mapOffset: Int
        switch parseFrontMatter(yaml, file: file, lines: lines, firstLine: frontMatterLine) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): (fields, mapOffset) = parsed
        }
        let bodyText = String(decoding: bytes[bodyStart...], as: UTF8.self)
        let body = TextField(name: "description", text: bodyText, anchors: SourceAnchors(start: bodyStart))
        let builder = ListingBuilder(file: file, lines: lines)
        return builder.build(fields: fields, at: mapOffset, markdownBody: body, descriptionOffset: bodyStart)
    }

    static func parseFrontMatter(
        _ yaml: String, file: String, lines: LineIndex, firstLine: Int
    ) -> Result<([(key: String, value: FieldValue)], Int), InputError> {
        let frontStart = lines.offset(ofLine: firstLine) ?? 0
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(yamlFailure(error, file: file, firstLine: firstLine))
        } catch {
            return .failure(InputError(file: file, line: firstLine, message: "front matter is not valid YAML: \(error)"))
        }
        guard let node, case .mapping(let mapping) = node else {
            return .failure(InputError(file: file, line: firstLine, message: "front matter must be a YAML mapping of keys (id, title, category, …)"))
        }
        var budget = maxYAMLNodes
        var converter = YAMLConverter(yaml: yaml, lines: lines, firstLine: firstLine, file: file)
        do {
            var fields: [(key: String, value: FieldValue)] = []
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw InputError(file: file, line: firstLine + (key.mark?.line ?? 1) - 1, message: "front matter keys must be text")
                }
                fields.append((name, try converter.convert(value, budget: &budget)))
            }
            return .success((fields, frontStart))
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(InputError(file: file, line: firstLine, message: "\(error)"))
        }
    }

    static func yamlFailure(_ error: YamlError, file: String, firstLine: Int) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return InputError(file: file, line: firstLine + mark.line - 1, message: "front matter is not valid YAML: \(detail) (column \(mark.column))")
        case .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return InputError(file: file, line: firstLine + mark.line - 1, message: "front matter is not valid YAML: \(detail)")
        default:
            return InputError(file: file, line: firstLine, message: "front matter is not valid YAML: \(error)")
        }
    }

    // MARK: - JSON and JSON Lines

    static func readJSON(_ bytes: [UInt8], file: String, firstLine: Int) -> Result<Listing, InputError> {
        let lines = LineIndex(bytes: bytes, firstLine: firstLine)
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
        } catch let error as JSONParseError {
            let position = lines.position(of: error.offset)
            return .failure(InputError(file: file, line: position.line, message: "invalid JSON at column \(position.column): \(error.message)"))
        } catch {
            return .failure(InputError(file: file, line: firstLine, message: "invalid JSON: \(error)"))
        }
        guard case .object(let members, let at) = value else {
            return .failure(InputError(file: file, line: firstLine, message: "a JSON listing must be an object with id, title, category, description, …; found \(value.typeName)"))
        }
        let fields = members.map { (key: $0.key, value: FieldValue(json: $0.value)) }
        let builder = ListingBuilder(file: file, lines: lines)
        return builder.build(fields: fields, at: at, markdownBody: nil, descriptionOffset: at)
    }

    static func readCatalogue(_ bytes: [UInt8], file: String) -> ReadResult {
        var result = ReadResult()
        readCatalogue(bytes, file: file, batchSize: Int.max) { batch in
            result.listings += batch.listings
            result.errors += batch.errors
        }
        return result
    }

    /// Reads a catalogue in batches of `batchSize` records, so a large catalogue is linted as it
    /// is read and never held in memory whole.
    public static func readCatalogue(_ bytes: [UInt8], file: String, batchSize: Int, _ body: (ReadResult) -> Void) {
        var batch = ReadResult()
        var lineNumber = 0
        var start = 0
        var sawRecord = false
        var pending = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var recordEnd = end
            if recordEnd > start && bytes[recordEnd - 1] == 0x0D { recordEnd -= 1 }
            defer { start = end + 1 }
            if bytes[start..<recordEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            sawRecord = true
            let record = Array(bytes[start..<recordEnd])
            if let problem = binaryOrInvalid(record, file: file, firstLine: lineNumber) {
                batch.errors.append(problem)
                continue
            }
            switch readJSON(record, file: file, firstLine: lineNumber) {
            case .success(let listing): batch.listings.append(listing)
            case .failure(let error): batch.errors.append(error)
            }
            pending += 1
            if pending >= batchSize {
                body(batch)
                batch = ReadResult()
                pending = 0
            }
        }
        if !sawRecord {
            batch.errors.append(InputError(file: file, message: "the catalogue has no listings (only blank lines)"))
        }
        if !batch.listings.isEmpty || !batch.errors.isEmpty { body(batch) }
    }
}

/// Converts Yams nodes into `FieldValue`s with source offsets, within a node budget so that
/// aliases cannot expand into an exponential tree (a "billion laughs" document).
struct YAMLConverter {
    let yaml: String
    let lines: LineIndex
    let firstLine: Int
    let file: String

    mutating func convert(_ node: Node, budget: inout Int) throws -> FieldValue {
        budget -= 1
        if budget < 0 {
            throw InputError(file: file, line: firstLine + (node.mark?.line ?? 1) - 1,
                             message: "front matter expands to more than \(ListingReader.maxYAMLNodes) values (a YAML alias bomb?)")
        }
        let offset = sourceOffset(of: node.mark)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return .null(offset: offset) }
                if let flag = node.bool { return .bool(flag, offset: offset) }
                if node.int != nil || node.float != nil { return .number(scalar.string, offset: offset) }
            }
            return .text(scalar.string, anchors(for: scalar, at: offset), offset: offset)
        case .mapping(let mapping):
            var members: [(key: String, value: FieldValue)] = []
            for (key, value) in mapping {
                members.append((key.string ?? "", try convert(value, budget: &budget)))
            }
            return .map(members, offset: offset)
        case .sequence(let sequence):
            var items: [FieldValue] = []
            for item in sequence { items.append(try convert(item, budget: &budget)) }
            return .list(items, offset: offset)
        case .alias:
            throw InputError(file: file, line: firstLine + (node.mark?.line ?? 1) - 1, message: "front matter uses an unresolved YAML alias")
        }
    }

    private func sourceOffset(of mark: Mark?) -> Int {
        guard let mark else { return lines.offset(ofLine: firstLine) ?? 0 }
        return lines.offset(line: firstLine + mark.line - 1, column: mark.column) ?? 0
    }

    /// Plain and quoted one-line scalars map exactly; a multi-line scalar is anchored line by
    /// line by finding each of its lines in the source.
    private func anchors(for scalar: Node.Scalar, at offset: Int) -> SourceAnchors {
        let text = scalar.string
        var start = offset
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start += 1 }
        let sourceLine = lines.text(in: start..<(lines.bytes[start...].firstIndex(of: 0x0A) ?? lines.bytes.count))
        if !text.contains("\n") && (scalar.style == .plain || sourceLine.hasPrefix(text) || scalar.style == .any) {
            return SourceAnchors(start: start)
        }
        var anchors = SourceAnchors(start: start)
        var searchFrom = start
        var decodedOffset = 0
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let needle = Array(piece.prefix(12).utf8)
            if !needle.isEmpty, let found = find(needle, from: searchFrom) {
                anchors.add(decoded: decodedOffset, source: found)
                searchFrom = found + needle.count
            }
            decodedOffset += piece.utf8.count + 1
        }
        return anchors
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        let bytes = lines.bytes
        guard needle.count <= bytes.count, from <= bytes.count - needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
