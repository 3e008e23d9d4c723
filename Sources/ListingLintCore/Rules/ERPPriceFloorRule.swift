import Foundation

/// Enterprise ERP software priced below the floor (RMB 30 per month).
public struct ERPPriceFloorRule: Rule {
    public static let description = RuleDescription(
        id: "erp-price-floor",
        name: "ERP price below the floor",
        row: "A5-21",
        article: "Management Specification Article 4 2 e) 2 (enterprise ERP software: not less than RMB 30 per month); Article 5 row \"Violate the basic pricing specifications of various items\"",
        rationale: "The platform sets a recommended floor for enterprise ERP software to stop unfair competition through malicious low prices: RMB 30 per month.",
        triggers: "For listings with erp: true, and software listings whose title says ERP (unless erp: false): a plan whose price, converted to CNY per month (day ×30, week ×30/7, quarter ÷3, year ÷12), is below the floor; or a price with a period stated in the title or description (仅需19元/月, ¥199/年, 199/年, RMB 99 per quarter, 29.9元每月, only ¥199 a year). Exactly 30/month, 360/year or 90/quarter is fine; one-off plans, free and trial plans are not sales. A price in a currency without a configured exchange rate is reported as unverifiable.",
        fix: "Raise the price to at least RMB 30 per month (360 per year, 90 per quarter), or mark a free or trial plan as such.",
        lexicons: ["prices"],
        triggeringExamples: [
            RuleExample("---\nid: ex\ntitle: 云ERP\ncategory: software\nplans:\n  - {name: 月付, price: ↓19, currency: CNY, period: month}\n  - {name: 年付, price: 360, period: year}\n---\n## 功能介绍\n"),
            RuleExample("---\nid: ex\ntitle: Order manager\ncategory: software\nerp: true\n---\nOnly ↓¥199 a year, or ↓RMB 29 per month.\n"),
            RuleExample("---\nid: ex\ntitle: ERP 进销存\ncategory: software\n---\n限时仅需↓19元/月，↓29.9元每月，↓199/年\n"),
            RuleExample("---\nid: ex\ntitle: ERP suite\ncategory: software\nplans: [{name: Pro, price: ↓3, currency: USD, period: month}, {name: Crypto, price: ↓5, currency: XBT, period: month}]\n---\nx\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nid: ex\ntitle: 云ERP\ncategory: software\nplans:\n  - {name: 月付, price: 30, period: month}\n  - {name: 年付, price: 360, period: year}\n  - {name: 季付, price: 90, period: quarter}\n  - {name: 试用, price: 0, period: week}\n  - {name: 实施费, price: 10, period: once}\n---\n"),
            RuleExample("---\nid: ex\ntitle: ERP 助手\ncategory: software\nerp: false\nplans: [{name: 月付, price: 9, period: month}]\n---\n仅需9元/月\n"),
            RuleExample("---\nid: ex\ntitle: 图片设计\ncategory: design\n---\n19元/月的模板\n"),
            RuleExample("---\nid: ex\ntitle: ERP\ncategory: software\n---\n免费试用7天，试用价9元/月，¥360/年，服务周期3个月，7天无理由\n"),
        ])

    struct CurrencyForms: Codable, Sendable { let before: [String]; let after: [String] }
    struct PeriodForms: Codable, Sendable { let after: [String]; let before: [String] }
    struct File: Codable, Sendable {
        let source: String
        let currencies: [String: CurrencyForms]
        let periods: [String: PeriodForms]
        let period_joiners: [String]
        let trial_words: [String]
    }

    private let pricePattern: PCRE2Pattern
    private let currencyByForm: [String: String]
    private let periodByForm: [String: PlanPeriod]
    private let trialWords: [String]
    private let erpWord: PCRE2Pattern
    private let normalizer: Normalizer

    public init(resources: RuleResources) throws {
        let file = try resources.lexicons.decode(File.self, from: "prices")
        func normalized(_ text: String) -> String { resources.normalizer.normalize(text).string }
        func alternation(_ forms: [String]) -> String {
            Set(forms.map(normalized)).sorted { $0.count > $1.count }.map(ERPPriceFloorRule.escape).joined(separator: "|")
        }
        var currencyByForm: [String: String] = [:]
        var before: [String] = [], after: [String] = []
        for (code, forms) in file.currencies {
            for form in forms.before { currencyByForm[normalized(form)] = code; before.append(form) }
            for form in forms.after { currencyByForm[normalized(form)] = code; after.append(form) }
        }
        var periodByForm: [String: PlanPeriod] = [:]
        var periodAfter: [String] = [], periodBefore: [String] = []
        for (name, forms) in file.periods {
            guard let period = PlanPeriod(rawValue: name) else {
                throw LexiconStore.LoadError(description: "prices.yml: unknown period \(name)")
            }
            for form in forms.after { periodByForm[normalized(form)] = period; periodAfter.append(form) }
            for form in forms.before { periodByForm[normalized(form)] = period; periodBefore.append(form) }
        }
        let amount = "[0-9]+(?:[.,][0-9]+)*"
        let joiner = "(?:\\s?(?:\(alternation(file.period_joiners)))\\s?|\\s)"
        // cb/ca: currency before/after; pa/pb: period after/before the amount.
        let pattern = "(?:(?<pb>\(alternation(periodBefore)))\\s?(?:仅需|只需|只要|低至|仅|才|only|just)?\\s?)?"
            + "(?:(?<cb>\(alternation(before)))\\s?)?"
            + "(?<![0-9]|[0-9][.,])(?<amount>\(amount))(?![0-9])"
            + "(?:\\s?(?<ca>\(alternation(after)))(?![a-z]))?"
            // Normalization drops a "/" between Chinese characters (元/月 → 元月): the joiner may be gone.
            + "(?:\(joiner)?(?<pa>\(alternation(periodAfter)))(?![a-z]))?"
        pricePattern = try PCRE2Pattern(pattern)
        self.currencyByForm = currencyByForm
        self.periodByForm = periodByForm
        self.trialWords = file.trial_words.map(normalized)
        normalizer = resources.normalizer
        erpWord = try PCRE2Pattern("(?<![a-z])erp(?![a-z])")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private func applies(to input: RuleInput) -> Bool {
        if let erp = input.listing.erp { return erp }
        guard input.listing.category == .software else { return false }
        return input.fields.first.map { erpWord.matches($0.normalized.string, scratch: input.scratch) } ?? false
    }

    private func monthly(_ price: Double, currency: String, period: PlanPeriod, settings: RuleSettings) -> Double?? {
        guard let months = period.monthsPerPeriod else { return .some(nil) }
        guard let rate = settings.exchangeRates[currency.uppercased()] else { return nil }
        return .some(price * rate / months)
    }

    public func check(_ input: RuleInput) -> [Violation] {
        guard applies(to: input) else { return [] }
        let floor = input.settings.erpMonthlyFloor
        var violations: [Violation] = []
        for plan in input.listing.plans {
            if plan.price == 0 || plan.period == .once { continue }
            if let name = plan.name, isTrial(normalizer.normalize(name).string) { continue }
            let place = Violation.Place.source(field: "plans[\(plan.index)].price", range: plan.priceOffset..<(plan.priceOffset + plan.priceText.utf8.count))
            switch monthly(plan.price, currency: plan.currency, period: plan.period, settings: input.settings) {
            case .none:
                violations.append(unverifiable(place, currency: plan.currency))
            case .some(.some(let perMonth)) where perMonth < floor - 1e-9:
                violations.append(belowFloor(place, perMonth: perMonth, floor: floor))
            default:
                break
            }
        }
        for (fieldIndex, field) in input.fields.enumerated() where field.field.name == "title" || field.field.name == "description" {
            let bytes = field.normalized.bytes
            _ = bytes.withUnsafeBufferPointer { buffer in
                pricePattern.forEachMatch(in: buffer, scratch: input.scratch) { match, groups in
                    guard let amountRange = groups[2] else { return }
                    let periodBefore = groups[0].map { field.normalized.text(in: $0) }
                    let periodAfter = groups[4].map { field.normalized.text(in: $0) }
                    guard let periodForm = periodAfter ?? periodBefore, let period = periodByForm[periodForm] else { return }
                    // "19/月" has no currency but reads as a price in yuan; any other bare number
                    // with a period ("3个月", "7天") is a duration, not a price.
                    let slashed = groups[4].map { amountRange.upperBound < $0.lowerBound && field.normalized.text(in: amountRange.upperBound..<$0.lowerBound).trimmingCharacters(in: .whitespaces) == "/" } ?? false
                    guard let currencyForm = (groups[1] ?? groups[3]).map({ field.normalized.text(in: $0) }) ?? (slashed ? "¥" : nil) else { return }
                    let context = field.normalized.text(in: max(0, match.lowerBound - 24)..<match.lowerBound)
                    if isTrial(context) { return }
                    guard let price = PriceParser.parseAmount(field.normalized.text(in: amountRange)), price.amount > 0 else { return }
                    let currency = currencyByForm[currencyForm] ?? currencyForm
                    let place = Violation.Place.normalized(field: fieldIndex, range: match)
                    switch monthly(price.amount, currency: currency, period: period, settings: input.settings) {
                    case .none:
                        violations.append(unverifiable(place, currency: currency))
                    case .some(.some(let perMonth)) where perMonth < floor - 1e-9:
                        violations.append(belowFloor(place, perMonth: perMonth, floor: floor))
                    default:
                        break
                    }
                }
            }
        }
        return violations
    }

    private func isTrial(_ text: String) -> Bool {
        trialWords.contains { text.contains($0) }
    }

    private func belowFloor(_ place: Violation.Place, perMonth: Double, floor: Double) -> Violation {
        let shown = String(format: "%.2f", perMonth)
        let floorText = JSONWriter.number(floor)
        return Violation(place, message: Message(
            en: "ERP price \"{match}\" is RMB \(shown) per month, below the floor of RMB \(floorText) per month set by Article 4 2 e) 2; raise it to at least RMB \(floorText)/month (\(JSONWriter.number(floor * 12))/year)",
            zh: "ERP价格“{match}”折合每月\(shown)元，低于管理规范第四条2 e) 2规定的每月\(floorText)元底价；请调整为不低于每月\(floorText)元（每年\(JSONWriter.number(floor * 12))元）"))
    }

    private func unverifiable(_ place: Violation.Place, currency: String) -> Violation {
        Violation(place, message: Message(
            en: "ERP price \"{match}\" is in \(currency), which has no configured exchange rate, so it cannot be checked against the RMB floor of Article 4 2 e) 2; price it in CNY or add the rate under exchange_rates",
            zh: "ERP价格“{match}”的币种\(currency)未配置汇率，无法核对管理规范第四条2 e) 2的人民币底价；请以人民币标价，或在 exchange_rates 中配置汇率"))
    }
}

