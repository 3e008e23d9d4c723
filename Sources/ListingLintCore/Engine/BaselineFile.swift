import Foundation

/// A problem reading or writing a baseline file.
public struct BaselineError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// `--write-baseline FILE` and `--baseline FILE`: the findings a team has accepted for now, so
/// that only new ones are reported. Findings are matched by fingerprint (listing id, rule, field,
/// matched text and its occurrence), never by line, so edits elsewhere keep them matched.
///
/// ```json
/// {"findings": [{"field": "description", "file": "listings/a.md", "fingerprint": "…",
///   "listing": "a", "match": "最好", "rule": "absolute-terms"}], "tool": "listing-lint", "version": 1}
/// ```
public enum BaselineFile {
    public static let version = 1
    public static let tool = "listing-lint"

    struct Document: Codable {
        let version: Int
        let tool: String?
        let findings: [BaselineEntry]
    }

    /// Entries sorted (file, listing, rule, field, match, fingerprint) and without duplicates, so
    /// a baseline written twice for the same findings is the same file, and diffs stay small.
    public static func entries(of findings: [Finding]) -> [BaselineEntry] {
        let unique = Dictionary(findings.map { ($0.fingerprint, BaselineEntry($0)) }, uniquingKeysWith: { first, _ in first })
        return unique.values.sorted {
            ($0.file, $0.listing, $0.rule, $0.field, $0.match, $0.fingerprint)
                < ($1.file, $1.listing, $1.rule, $1.field, $1.match, $1.fingerprint)
        }
    }

    public static func encode(_ findings: [Finding]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(version: version, tool: tool, findings: entries(of: findings)))
        data.append(0x0A)
        return data
    }

    /// Writes the findings' baseline to `path` (replacing it atomically).
    public static func write(_ findings: [Finding], to path: String) throws {
        let data: Data
        do {
            data = try encode(findings)
        } catch {
            throw BaselineError(file: path, message: "cannot encode the baseline: \(error)")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let directory = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw BaselineError(file: path, message: "cannot write the baseline: the directory \(directory) does not exist")
            }
            throw BaselineError(file: path, message: "cannot write the baseline (permission denied?): \(error.localizedDescription)")
        }
    }

    /// Reads a baseline written by `write`.
    public static func read(path: String) throws -> [BaselineEntry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BaselineError(file: path, message: "no such baseline file (record one with --write-baseline \(path))")
        }
        guard !isDirectory.boolValue else {
            throw BaselineError(file: path, message: "is a directory, not a baseline file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, message: "cannot read the baseline file (permission denied?)")
        }
        return try decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) throws -> [BaselineEntry] {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw BaselineError(file: file, message: "the baseline file is empty (record one with --write-baseline \(file))")
        }
        // The version first, so a newer format gets a clear word rather than a decoding error.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let tool = object["tool"] as? String, tool != self.tool {
                throw BaselineError(file: file, message: "not a listing-lint baseline (written by '\(tool)')")
            }
            if let version = object["version"] as? Int, version != self.version {
                throw BaselineError(file: file, message: "baseline version \(version) is not supported (this listing-lint reads version \(self.version)); record it again with --write-baseline")
            }
        }
        do {
            return try JSONDecoder().decode(Document.self, from: data).findings
        } catch let error as DecodingError {
            throw BaselineError(file: file, message: "not a listing-lint baseline: \(describe(error))")
        } catch {
            throw BaselineError(file: file, message: "not a listing-lint baseline: \(error.localizedDescription)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let place = context.codingPath.isEmpty ? "the top level" : path(context.codingPath)
            return "\(place) has no '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// Splits this run's findings into new ones (not in the baseline) and known ones (counted),
    /// and lists the recorded entries that are fixed: entries of listings linted in this run
    /// (`lintedListings`: listing ids) whose fingerprint no longer occurs. Entries of listings
    /// that were not linted this time are neither known nor fixed.
    public static func compare(
        _ findings: [Finding], baseline: [BaselineEntry], lintedListings: Set<String>
    ) -> (new: [Finding], known: Int, fixed: [BaselineEntry]) {
        let recorded = Set(baseline.map(\.fingerprint))
        var new: [Finding] = []
        var known = 0
        var present = Set<String>()
        for finding in findings {
            present.insert(finding.fingerprint)
            if recorded.contains(finding.fingerprint) { known += 1 } else { new.append(finding) }
        }
        var seen = Set<String>()
        let fixed = baseline.filter { entry in
            lintedListings.contains(entry.listing) && !present.contains(entry.fingerprint) && seen.insert(entry.fingerprint).inserted
        }
        return (new, known, fixed)
    }
}
