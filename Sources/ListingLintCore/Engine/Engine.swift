import Foundation

/// The rule pipeline. Built once (lexicons loaded, one automaton compiled over every rule's
/// words); then each listing is normalized once, scanned once for all words and links, and
/// every rule reads the shared result. Immutable and shared by all worker threads.
public final class Engine: Sendable {
    public let rules: [any Rule]
    public let catalogue: ViolationCatalogue
    public let normalizer: Normalizer
    public let linkDetector: LinkDetector
    public let settings: RuleSettings
    public let language: Language
    private let matcher: AhoCorasick
    private let owners: [TermOwner]
    private let rowsByRule: [ViolationRow]

    struct TermOwner: Sendable {
        let rule: Int
        let term: Int
        let tag: Int
        let kind: LexiconTerm.Kind
        let boundedStart: Bool
        let boundedEnd: Bool
    }

    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads what is shared by every engine: folding tables and lexicon folder.
    public struct Resources: Sendable {
        public let lexicons: LexiconStore
        public let normalizer: Normalizer
        public let catalogue: ViolationCatalogue
        public let linkDetector: LinkDetector

        public init(lexicons: LexiconStore) throws {
            self.lexicons = lexicons
            self.normalizer = Normalizer(folding: try CharacterFolding.load())
            self.catalogue = try ViolationCatalogue(lexicons: lexicons)
            self.linkDetector = try LinkDetector(lexicons: lexicons)
        }
    }

    public init(
        resources: Resources, ruleTypes: [any Rule.Type] = RuleRegistry.all, settings: RuleSettings = RuleSettings(),
        language: Language = .en
    ) throws {
        self.catalogue = resources.catalogue
        self.normalizer = resources.normalizer
        self.linkDetector = resources.linkDetector
        self.settings = settings
        self.language = language
        let ruleResources = RuleResources(lexicons: resources.lexicons, normalizer: resources.normalizer, settings: settings)
        var rules: [any Rule] = []
        var rows: [ViolationRow] = []
        for type in ruleTypes {
            guard let row = resources.catalogue.row(type.description.row) else {
                throw SetupError(description: "rule \(type.description.id) names row \(type.description.row), which is not in violations.yml")
            }
            rules.append(try type.init(resources: ruleResources))
            rows.append(row)
        }
        self.rules = rules
        self.rowsByRule = rows

        var patterns: [[UInt8]] = []
        var owners: [TermOwner] = []
        for (ruleIndex, rule) in rules.enumerated() {
            var terms = rule.terms
            terms += (settings.extraTerms[rule.id] ?? []).map { LexiconTerm($0, kind: .hit, tag: 0) }
            terms += (settings.allowedTerms[rule.id] ?? []).map { LexiconTerm($0, kind: .allow) }
            for (termIndex, term) in terms.enumerated() {
                let normalized = resources.normalizer.normalize(term.text).bytes
                guard !normalized.isEmpty else { continue }
                patterns.append(normalized)
                owners.append(TermOwner(
                    rule: ruleIndex, term: termIndex, tag: term.tag, kind: term.kind,
                    boundedStart: Engine.isWordByte(normalized[0]), boundedEnd: Engine.isWordByte(normalized[normalized.count - 1])))
            }
        }
        self.matcher = AhoCorasick(patterns: patterns)
        self.owners = owners
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }

    public func rowFor(rule index: Int) -> ViolationRow { rowsByRule[index] }

    /// Lints one listing with the engine's rules.
    public func lint(_ listing: Listing, scratch: RegexScratch) -> [Finding] {
        let fields = listing.textFields.map { field -> AnalyzedField in
            let normalized = normalizer.normalize(field.text)
            let links = linkDetector.links(in: normalized, source: field.text, scratch: scratch)
            return AnalyzedField(field: field, normalized: normalized, links: links)
        }
        // One scan of every field for every rule's words. Only rules with words get hit lists.
        let noHits = [[TermHit]](repeating: [], count: fields.count)
        var hitsByRule = [[[TermHit]]](repeating: noHits, count: rules.count)
        var allowByRule: [[[Range<Int>]]] = []
        var anyAllow = false
        for (fieldIndex, field) in fields.enumerated() {
            let bytes = field.normalized.bytes
            if bytes.isEmpty { continue }
            for match in matcher.matches(in: bytes) {
                let owner = owners[match.pattern]
                if owner.boundedStart && match.range.lowerBound > 0 && Engine.isWordByte(bytes[match.range.lowerBound - 1]) { continue }
                if owner.boundedEnd && match.range.upperBound < bytes.count && Engine.isWordByte(bytes[match.range.upperBound]) { continue }
                switch owner.kind {
                case .hit:
                    hitsByRule[owner.rule][fieldIndex].append(TermHit(term: owner.term, tag: owner.tag, range: match.range))
                case .allow:
                    if !anyAllow {
                        allowByRule = [[[Range<Int>]]](repeating: [[Range<Int>]](repeating: [], count: fields.count), count: rules.count)
                        anyAllow = true
                    }
                    allowByRule[owner.rule][fieldIndex].append(match.range)
                }
            }
        }
        var findings: [Finding] = []
        for (ruleIndex, rule) in rules.enumerated() {
            var hits = hitsByRule[ruleIndex]
            if anyAllow {
                for fieldIndex in hits.indices where !allowByRule[ruleIndex][fieldIndex].isEmpty {
                    let allowed = allowByRule[ruleIndex][fieldIndex]
                    hits[fieldIndex].removeAll { hit in allowed.contains { $0.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= $0.upperBound } }
                }
            }
            let input = RuleInput(listing: listing, fields: fields, hits: hits, scratch: scratch, settings: settings)
            let violations = rule.check(input)
            findings += locate(violations, rule: rule, row: rowsByRule[ruleIndex], listing: listing, fields: fields)
        }
        return findings.sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
    }

    private func locate(_ violations: [Violation], rule: any Rule, row: ViolationRow, listing: Listing, fields: [AnalyzedField]) -> [Finding] {
        var occurrences: [String: Int] = [:]
        return violations.map { violation in
            let fieldName: String
            let sourceRange: Range<Int>
            switch violation.place {
            case .normalized(let fieldIndex, let range):
                let analyzed = fields[fieldIndex]
                let local = analyzed.normalized.sourceRange(of: range)
                fieldName = analyzed.field.name
                sourceRange = analyzed.field.sourceOffset(of: local.lowerBound)..<analyzed.field.sourceOffset(of: local.upperBound)
            case .source(let field, let range):
                fieldName = field
                sourceRange = range
            }
            let match = listing.lines.text(in: sourceRange)
            let key = [rule.id, fieldName, violation.subject ?? match].joined(separator: "\u{1F}")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            return Finding(
                file: listing.file, listing: listing.id, rule: rule.id, row: row.id, points: row.points,
                processing: row.processing, period: row.period, field: fieldName,
                start: listing.lines.position(of: sourceRange.lowerBound),
                end: listing.lines.position(of: sourceRange.upperBound),
                match: match, message: Engine.fill(violation.message.text(language), with: match), subject: violation.subject,
                fingerprint: Fingerprint.make(listing: listing.id, rule: rule.id, field: fieldName, text: violation.subject ?? match, occurrence: occurrence))
        }
    }
}

extension Engine {
    /// The message with "{match}" replaced by the matched text (without Foundation's string search,
    /// which dominated the cost of building findings).
    static func fill(_ template: String, with value: String) -> String {
        let marker = Array("{match}".utf8)
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + value.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == marker[0], index + marker.count <= bytes.count, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                output.append(contentsOf: value.utf8)
                index += marker.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

public enum Fingerprint {
    /// FNV-1a 64 over the identifying parts: stable across runs, platforms and line moves.
    public static func make(listing: String, rule: String, field: String, text: String, occurrence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [listing, rule, field, text, String(occurrence)] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0x1F
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16, uppercase: false).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
