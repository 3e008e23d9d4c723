/// Every rule of the product, in the order `rules` prints them. A new rule is one file plus its
/// lexicon, and one line here.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        AbsoluteTermsRule.self,
        BrandNamesRule.self,
        ExternalLinksRule.self,
        OffPlatformChatRule.self,
        KeywordStackingRule.self,
        MissingModulesRule.self,
        ERPPriceFloorRule.self,
    ]

    public static func type(named id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
