/// Per-rule options, from `.listing-lint.yml` or their documented defaults.
public struct RuleSettings: Sendable, Equatable {
    /// ERP floor in CNY per month (Management Specification Article 4 2 e) 2: RMB 30 per month).
    public var erpMonthlyFloor: Double = 30
    /// CNY per unit of each currency. A plan in a currency without a rate is reported as
    /// unverifiable, never silently passed.
    public var exchangeRates: [String: Double] = ["CNY": 1, "RMB": 1, "USD": 7.2, "EUR": 7.8]
    /// Extra trigger terms and extra allowed compounds, by rule id.
    public var extraTerms: [String: [String]] = [:]
    public var allowedTerms: [String: [String]] = [:]
    /// Extra heading synonyms, by module key (`price`, `function`, …).
    public var extraHeadings: [String: [String]] = [:]
    /// Keyword stacking: how often one keyword may appear in a title before it is stacking,
    /// and how many near-duplicate keywords in a row make a stacked run in the description.
    public var stackingTitleRepeats: Int = 3
    public var stackingRunLength: Int = 4
    /// Brands each provider holds written permission for, by provider name.
    public var authorizedBrands: [String: [String]] = [:]

    public init() {}
}
