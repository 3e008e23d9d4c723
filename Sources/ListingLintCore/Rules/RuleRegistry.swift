/// Every rule of the product, in the order `rules` prints them. A new rule is one file plus its
/// lexicon, and one line here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        AbsoluteTermsRule.self,
        ExternalLinksRule.self,
    ]

    public static func type(named id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
