/// What `rules` and `explain` print, from the rules' own descriptions.
public enum RuleDocs {
    public static func table(catalogue: ViolationCatalogue) -> String {
        var lines = ["RULE                 ROW    POINTS  PROCESSING                PERIOD      VIOLATION"]
        for type in RuleRegistry.all {
            let description = type.description
            guard let row = catalogue.row(description.row) else { continue }
            let content = row.content.count > 70 ? String(row.content.prefix(69)) + "…" : row.content
            lines.append([
                description.id.padding(20), row.id.padding(6), JSONWriter.number(row.points).padding(7),
                row.processing.padding(25), row.period.padding(11), content,
            ].joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func explain(_ description: RuleDescription, catalogue: ViolationCatalogue) -> String {
        var out = "\(description.id) — \(description.name)\n\n"
        if let row = catalogue.row(description.row) {
            out += "Violation row \(row.id): \(row.content)\n"
            out += "Points: \(row.pointsText); processing: \(row.processing); period: \(row.period)\n\n"
        }
        out += "Article: \(description.article)\n\n"
        out += "Why: \(description.rationale)\n\n"
        out += "What triggers it: \(description.triggers)\n\n"
        out += "How to fix: \(description.fix)\n\n"
        out += "Lexicons: \(description.lexicons.map { "Lexicons/\($0).yml" }.joined(separator: ", "))\n\n"
        out += "Triggers (↓ marks where each finding points):\n"
        for example in description.triggeringExamples { out += indent(exampleText(example)) }
        out += "\nDoes not trigger:\n"
        for example in description.nonTriggeringExamples { out += indent(exampleText(example)) }
        return out
    }

    /// Examples print without their default front matter, to keep the docs short.
    static func exampleText(_ example: RuleExample) -> String {
        let source = example.source
        let defaultHeader = "---\nid: example\ntitle: Example service\ncategory: software\n---\n"
        if source.hasPrefix(defaultHeader) { return String(source.dropFirst(defaultHeader.count)) }
        return source
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            .trimmingTrailingWhitespace() + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last == " " || last == "\n" { text.removeLast() }
        return text
    }
}
