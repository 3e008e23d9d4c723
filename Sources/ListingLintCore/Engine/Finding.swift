/// How a finding weighs on a gate: rule violations are errors; notes about the linting itself
/// (an unused suppression) are warnings, which only `--strict` fails on.
public enum Severity: String, Sendable {
    case error, warning
}

/// One violation, located in the source and tagged with its row of the violation table.
public struct Finding: Sendable, Hashable {
    public let file: String
    public let listing: String
    public let rule: String
    public let row: String
    public let points: Double?
    public let processing: String
    public let period: String
    public let field: String
    public let start: SourcePosition
    public let end: SourcePosition
    /// The text the finding points at, as written in the source.
    public let match: String
    public let message: String
    /// What the finding is about when it is not the matched text (a missing module's key).
    public let subject: String?
    /// Stable across edits elsewhere in the listing: listing id, rule, field and matched text
    /// (and its occurrence among identical findings), never the line number.
    public let fingerprint: String
    public var severity: Severity = .error

    public init(
        file: String, listing: String, rule: String, row: String, points: Double?, processing: String, period: String,
        field: String, start: SourcePosition, end: SourcePosition, match: String, message: String, subject: String?,
        fingerprint: String, severity: Severity = .error
    ) {
        self.file = file; self.listing = listing; self.rule = rule; self.row = row; self.points = points
        self.processing = processing; self.period = period; self.field = field; self.start = start; self.end = end
        self.match = match; self.message = message; self.subject = subject; self.fingerprint = fingerprint
        self.severity = severity
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.file == rhs.file && lhs.listing == rhs.listing && lhs.rule == rhs.rule && lhs.start == rhs.start
            && lhs.end == rhs.end && lhs.field == rhs.field && lhs.subject == rhs.subject
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file); hasher.combine(listing); hasher.combine(rule); hasher.combine(start)
    }
}

/// A finding an inline suppression or `lint_suppressions` entry silenced: counted, never lost.
public struct SuppressedFinding: Sendable {
    public let finding: Finding
    public let reason: String?

    public init(finding: Finding, reason: String?) {
        self.finding = finding
        self.reason = reason
    }
}
