/// One recorded finding of a baseline file. A finding is matched by its fingerprint, which is
/// made of the listing id, rule, field and matched text, never the line number.
public struct BaselineEntry: Sendable, Codable, Hashable {
    public let fingerprint: String
    public let file: String
    public let listing: String
    public let rule: String
    public let field: String
    public let match: String

    public init(fingerprint: String, file: String, listing: String, rule: String, field: String, match: String) {
        self.fingerprint = fingerprint
        self.file = file
        self.listing = listing
        self.rule = rule
        self.field = field
        self.match = match
    }

    public init(_ finding: Finding) {
        self.init(fingerprint: finding.fingerprint, file: finding.file, listing: finding.listing, rule: finding.rule,
                  field: finding.field, match: finding.subject ?? finding.match)
    }
}
