/// Inline suppressions: directives in HTML comments of the Markdown body, and `lint_suppressions`
/// entries of a listing's data.
///
/// ```markdown
/// <!-- listing-lint disable-next-line absolute-terms,brand-names -- quoted from the award's title -->
/// <!-- listing-lint disable keyword-stacking -- the glossary lists every synonym on purpose -->
/// …
/// <!-- listing-lint enable keyword-stacking -->
/// <!-- listing-lint disable-file external-links -- links approved by the operator, ticket 4711 -->
/// ```
///
/// `RULES` are comma-separated rule ids, or `all`. A suppression without a reason still silences
/// its findings, and is itself reported (`invalid-suppression`), as are unknown rule ids and
/// unknown directives; a suppression that silences nothing is reported as `unused-suppression`
/// (a warning). Suppressed findings are returned, never dropped.
public enum Suppressions {
    public static let invalidRule = "invalid-suppression"
    public static let unusedRule = "unused-suppression"
    static let prefix = "listing-lint"

    enum Kind: String {
        case nextLine = "disable-next-line"
        case disable = "disable"
        case enable = "enable"
        case file = "disable-file"
        case entry = "lint_suppressions"
    }

    /// One parsed directive (a comment or a data entry).
    struct Directive {
        let kind: Kind
        /// Known rule ids it names (`all` expanded), in the order written.
        let rules: [String]
        let namesAll: Bool
        let reason: String?
        /// Comment line; for entries, the entry's position.
        let position: SourcePosition
        let text: String
        let field: String
        // disable-next-line
        let targetLine: Int?
        // lint_suppressions
        let entryField: String?
        let entryLine: Int?
    }

    /// Which findings a directive silences, per rule.
    private struct Scope {
        let directive: Int
        let rule: String
        /// Lines [lower, upper) for disable/enable regions; nil: any line.
        let lines: Range<Int>?
        /// disable-next-line: exactly this line.
        let line: Int?
        let specificity: Int
    }

    public static func apply(
        _ findings: [Finding], to listing: Listing, knownRules: Set<String>
    ) -> (kept: [Finding], suppressed: [SuppressedFinding], notes: [Finding]) {
        var notes = NoteWriter(listing: listing)
        var directives: [Directive] = []

        // Comments, in line order.
        for comment in listing.comments.sorted(by: { $0.line < $1.line }) {
            guard let directive = parse(comment: comment, knownRules: knownRules, notes: &notes) else { continue }
            directives.append(directive)
        }
        for entry in listing.suppressionEntries {
            directives.append(parse(entry: entry, listing: listing, knownRules: knownRules, notes: &notes))
        }
        if directives.isEmpty {
            return (findings, [], notes.notes)
        }

        // Scopes: what each directive covers, rule by rule.
        var scopes: [Scope] = []
        var open: [String: (directive: Int, from: Int)] = [:]
        var enableUsed = Set<Int>()
        let ordered = directives.indices.sorted { directives[$0].position < directives[$1].position }
        for index in ordered {
            let directive = directives[index]
            switch directive.kind {
            case .nextLine:
                guard let target = directive.targetLine else { continue }
                for rule in directive.rules {
                    scopes.append(Scope(directive: index, rule: rule, lines: nil, line: target, specificity: 3))
                }
            case .disable:
                // A rule already disabled stays with the directive that disabled it first; the
                // repeated one silences nothing and is reported as unused.
                for rule in directive.rules where open[rule] == nil {
                    open[rule] = (index, directive.position.line)
                }
            case .enable:
                for rule in directive.rules {
                    guard let region = open.removeValue(forKey: rule) else { continue }
                    scopes.append(Scope(directive: region.directive, rule: rule, lines: region.from..<directive.position.line, line: nil, specificity: 2))
                    enableUsed.insert(index)
                }
            case .file, .entry:
                for rule in directive.rules {
                    scopes.append(Scope(directive: index, rule: rule, lines: nil, line: nil, specificity: directive.kind == .entry && (directive.entryLine != nil || directive.entryField != nil) ? 2 : 1))
                }
            }
        }
        var neverEnabled = Set<Int>()
        for (rule, region) in open {
            neverEnabled.insert(region.directive)
            scopes.append(Scope(directive: region.directive, rule: rule, lines: region.from..<Int.max, line: nil, specificity: 2))
        }

        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        /// (directive, rule) pairs that silenced something.
        var used = Set<String>()
        for finding in findings {
            guard finding.listing == listing.id, finding.file == listing.file else {
                kept.append(finding)
                continue
            }
            let covering = scopes.filter { scope in
                guard scope.rule == finding.rule else { return false }
                let directive = directives[scope.directive]
                if let line = scope.line, finding.start.line != line { return false }
                if let lines = scope.lines, !lines.contains(finding.start.line) { return false }
                if directive.kind == .entry {
                    if let field = directive.entryField, !fieldMatches(finding.field, field) { return false }
                    if let line = directive.entryLine, finding.start.line != line { return false }
                }
                return true
            }
            // The most specific directive gets the credit; a broader one that only repeats it
            // is then reported as unused.
            guard let best = covering.max(by: { ($0.specificity, -$0.directive) < ($1.specificity, -$1.directive) }) else {
                kept.append(finding)
                continue
            }
            used.insert("\(best.directive)\u{1F}\(finding.rule)")
            suppressed.append(SuppressedFinding(finding: finding, reason: directives[best.directive].reason))
        }

        // Unused directives (per rule named; `all` as a whole).
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .enable:
                if !enableUsed.contains(index) && !directive.rules.isEmpty {
                    notes.unused(directive, message: "`\(directive.text)` has no open `disable` of \(directive.namesAll ? "any rule" : list(directive.rules)) to close: remove it")
                }
            default:
                if directive.namesAll {
                    if !directive.rules.contains(where: { used.contains("\(index)\u{1F}\($0)") }) {
                        notes.unused(directive, message: "`\(directive.text)` silences nothing: no finding of any rule \(where_(directive, neverEnabled: neverEnabled.contains(index))); remove it")
                    }
                } else {
                    for rule in directive.rules where !used.contains("\(index)\u{1F}\(rule)") {
                        notes.unused(directive, message: "suppression of \(rule) silences nothing: no \(rule) finding \(where_(directive, neverEnabled: neverEnabled.contains(index))); remove \(directive.rules.count > 1 ? "\(rule) from it" : "it")")
                    }
                }
            }
        }
        // Notes in source order (the sort is stable: one directive's notes keep their order).
        let sortedNotes = notes.notes.enumerated()
            .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
            .map(\.element)
        return (kept, suppressed, sortedNotes)
    }

    /// `plans` narrows to `plans[0].name` and the like; other names must be equal.
    static func fieldMatches(_ findingField: String, _ field: String) -> Bool {
        findingField == field || findingField.hasPrefix(field + "[") || findingField.hasPrefix(field + ".")
    }

    private static func list(_ rules: [String]) -> String { rules.joined(separator: ", ") }

    private static func where_(_ directive: Directive, neverEnabled: Bool = false) -> String {
        switch directive.kind {
        case .nextLine:
            return directive.targetLine.map { "on line \($0) (the next line with content)" } ?? "after it (no line with content follows)"
        case .disable: return neverEnabled ? "after it (it is never enabled again)" : "between it and its `enable`"
        case .enable: return ""
        case .file: return "in this listing"
        case .entry:
            var parts: [String] = []
            if let field = directive.entryField { parts.append("in field '\(field)'") }
            if let line = directive.entryLine { parts.append("on line \(line)") }
            return parts.isEmpty ? "in this listing" : parts.joined(separator: " ")
        }
    }

    // MARK: - Parsing

    private static func parse(comment: DescriptionComment, knownRules: Set<String>, notes: inout NoteWriter) -> Directive? {
        let text = comment.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text == prefix || text.hasPrefix(prefix + " ") else { return nil }
        let position = SourcePosition(line: comment.line, column: 1)
        let rest = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        let word = rest.prefix { !$0.isWhitespace }
        let syntax = "<!-- listing-lint disable-next-line RULE[,RULE] -- reason -->"
        guard let kind = Kind(rawValue: String(word)), kind != .entry else {
            notes.invalid(text: text, at: position, field: "description", message: word.isEmpty
                ? "`listing-lint` comment names no directive: write `\(syntax)` (or disable, enable, disable-file)"
                : "unknown listing-lint directive '\(word)': use disable-next-line, disable, enable or disable-file, as in `\(syntax)`")
            return nil
        }
        var body = rest.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        var reason: String?
        if let separator = body.range(of: "--") {
            let written = body[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            reason = written.isEmpty ? nil : written
            body = body[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        var names = body.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        // A bare `enable` closes every open region.
        if names.isEmpty && kind == .enable { names = ["all"] }
        if names.isEmpty {
            notes.invalid(text: text, at: position, field: "description",
                          message: "`listing-lint \(kind.rawValue)` names no rule: list rule ids separated by commas, or `all`, as in `<!-- listing-lint \(kind.rawValue) absolute-terms\(kind == .enable ? "" : " -- reason") -->`")
            return nil
        }
        let (rules, namesAll) = resolve(names, knownRules: knownRules, text: text, at: position, field: "description", notes: &notes)
        if kind != .enable && reason == nil {
            notes.invalid(text: text, at: position, field: "description",
                          message: "suppression of \(namesAll ? "all rules" : list(rules.isEmpty ? names : rules)) gives no reason: add why after `--`, as in `<!-- listing-lint \(kind.rawValue) \(names.joined(separator: ",")) -- approved by the operator, ticket 123 -->`")
        }
        if rules.isEmpty { return nil }
        return Directive(kind: kind, rules: rules, namesAll: namesAll, reason: reason, position: position, text: text,
                         field: "description", targetLine: kind == .nextLine ? comment.nextContentLine : nil,
                         entryField: nil, entryLine: nil)
    }

    private static func parse(entry: SuppressionEntry, listing: Listing, knownRules: Set<String>, notes: inout NoteWriter) -> Directive {
        let position = listing.lines.position(of: entry.sourceOffset)
        var text = "lint_suppressions: rules \(entry.rules.joined(separator: ","))"
        if let field = entry.field { text += " field \(field)" }
        if let line = entry.line { text += " line \(line)" }
        let (rules, namesAll) = resolve(entry.rules, knownRules: knownRules, text: text, at: position, field: "lint_suppressions", notes: &notes)
        let reason = entry.reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if reason == nil {
            notes.invalid(text: text, at: position, field: "lint_suppressions",
                          message: "lint_suppressions entry for \(namesAll ? "all rules" : list(rules.isEmpty ? entry.rules : rules)) gives no reason: add `reason: \"why the finding is acceptable\"` to the entry")
        }
        return Directive(kind: .entry, rules: rules, namesAll: namesAll, reason: reason, position: position, text: text,
                         field: "lint_suppressions", targetLine: nil, entryField: entry.field, entryLine: entry.line)
    }

    /// Known ids (or every known rule for `all`); each unknown id is reported.
    private static func resolve(
        _ names: [String], knownRules: Set<String>, text: String, at position: SourcePosition, field: String, notes: inout NoteWriter
    ) -> (rules: [String], namesAll: Bool) {
        var rules: [String] = []
        var namesAll = false
        for name in names {
            if name.lowercased() == "all" {
                namesAll = true
                continue
            }
            if knownRules.contains(name) {
                if !rules.contains(name) { rules.append(name) }
            } else {
                notes.invalid(text: text, at: position, field: field,
                              message: "suppression names unknown rule '\(name)': use a rule id of `listing-lint rules` (\(knownRules.sorted().joined(separator: ", "))) or `all`")
            }
        }
        if namesAll { rules = knownRules.sorted() }
        return (rules, namesAll)
    }

    /// Builds the meta findings, with fingerprints counted like the engine's.
    private struct NoteWriter {
        let listing: Listing
        var notes: [Finding] = []
        var occurrences: [String: Int] = [:]

        mutating func invalid(text: String, at position: SourcePosition, field: String, message: String) {
            add(rule: Suppressions.invalidRule, severity: .error, text: text, at: position, field: field, message: message)
        }

        mutating func unused(_ directive: Directive, message: String) {
            add(rule: Suppressions.unusedRule, severity: .warning, text: directive.text, at: directive.position, field: directive.field, message: message)
        }

        private mutating func add(rule: String, severity: Severity, text: String, at position: SourcePosition, field: String, message: String) {
            let key = [rule, field, text].joined(separator: "\u{1F}")
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            notes.append(Finding(
                file: listing.file, listing: listing.id, rule: rule, row: "", points: nil, processing: "", period: "",
                field: field, start: position, end: position, match: text, message: message, subject: nil,
                fingerprint: Fingerprint.make(listing: listing.id, rule: rule, field: field, text: text, occurrence: occurrence),
                severity: severity))
        }
    }
}
