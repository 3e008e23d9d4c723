import Foundation

/// Validates the keys shared by every format (front matter, JSON, JSON Lines) and builds a
/// `Listing`. Errors name the key and the line.
struct ListingBuilder {
    let file: String
    let lines: LineIndex

    private func error(_ message: String, at offset: Int) -> InputError {
        InputError(file: file, line: lines.position(of: offset).line, message: message)
    }

    static let knownKeys: Set<String> = [
        "id", "title", "category", "provider", "erp", "authorized_brands", "plans", "description",
        "lint_suppressions",
    ]

    /// - Parameters:
    ///   - fields: the top-level mapping.
    ///   - description: the description text when it comes from a Markdown body (nil for JSON).
    func build(
        fields: [(key: String, value: FieldValue)], at offset: Int,
        markdownBody: TextField?, descriptionOffset: Int
    ) -> Result<Listing, InputError> {
        // A handful of keys: a small array beats hashing them into a dictionary.
        var values = FieldTable()
        for (key, value) in fields {
            // Keys other tools keep beside ours (tags, images, …) are not ours to judge.
            guard ListingBuilder.knownKeys.contains(key) else { continue }
            if values[key] != nil {
                return .failure(error("key '\(key)' appears twice", at: value.offset))
            }
            values[key] = value
        }
        do {
            let id = try requiredText("id", values, at: offset)
            let title = try requiredField("title", values, at: offset)
            let categoryText = try requiredText("category", values, at: offset)
            guard let category = ServiceCategory(rawValue: categoryText.lowercased()) else {
                throw error("unknown category '\(categoryText)' (expected one of: \(ServiceCategory.allCases.map(\.rawValue).joined(separator: ", ")))", at: values["category"]?.offset ?? offset)
            }
            let provider = try optionalField("provider", values)
            let erp = try optionalBool("erp", values)
            let brands = try textList("authorized_brands", values)
            let plans = try parsePlans(values["plans"])
            let description: TextField
            if let markdownBody {
                if values["description"] != nil {
                    throw error("'description' belongs in the Markdown body of a .md listing, not in its front matter", at: values["description"]!.offset)
                }
                description = markdownBody
            } else if let value = values["description"] {
                guard case .text(let text, let anchors, _) = value else {
                    throw error("'description' must be text, not \(value.typeName)", at: value.offset)
                }
                description = TextField(name: "description", text: text, anchors: anchors)
            } else {
                description = TextField(name: "description", text: "", anchors: SourceAnchors(start: descriptionOffset))
            }
            let suppressions = try parseSuppressions(values["lint_suppressions"])
            let markdown = MarkdownStructure.parse(description.text, field: description, lines: lines)
            let planNames = plans.compactMap { plan -> TextField? in plan.nameField }
            let listing = Listing(
                file: file, id: id, category: category, provider: provider?.text, erp: erp,
                authorizedBrands: brands, plans: plans.map(\.plan), title: title, description: description,
                providerField: provider, planNames: planNames, modules: markdown.modules,
                comments: markdown.comments, suppressionEntries: suppressions,
                descriptionOffset: description.sourceOffset(of: 0), lines: lines)
            return .success(listing)
        } catch let failure as InputError {
            return .failure(failure)
        } catch {
            return .failure(InputError(file: file, message: "\(error)"))
        }
    }

    private func requiredField(_ key: String, _ values: FieldTable, at offset: Int) throws -> TextField {
        guard let value = values[key] else { throw error("missing required key '\(key)'", at: offset) }
        switch value {
        case .text(let text, let anchors, _):
            guard text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { throw error("'\(key)' is empty", at: value.offset) }
            return TextField(name: key, text: text, anchors: anchors)
        case .number(let text, let at):
            return TextField(name: key, text: text, anchors: SourceAnchors(start: at))
        default:
            throw error("'\(key)' must be text, not \(value.typeName)", at: value.offset)
        }
    }

    private func requiredText(_ key: String, _ values: FieldTable, at offset: Int) throws -> String {
        try requiredField(key, values, at: offset).text
    }

    private func optionalField(_ key: String, _ values: FieldTable) throws -> TextField? {
        guard let value = values[key] else { return nil }
        switch value {
        case .null: return nil
        case .text(let text, let anchors, _): return TextField(name: key, text: text, anchors: anchors)
        default: throw error("'\(key)' must be text, not \(value.typeName)", at: value.offset)
        }
    }

    private func optionalBool(_ key: String, _ values: FieldTable) throws -> Bool? {
        guard let value = values[key] else { return nil }
        switch value {
        case .null: return nil
        case .bool(let flag, _): return flag
        case .text(let text, _, _) where ["true", "yes", "1"].contains(text.lowercased()): return true
        case .text(let text, _, _) where ["false", "no", "0"].contains(text.lowercased()): return false
        case .number(let text, _) where text == "1" || text == "0": return text == "1"
        default: throw error("'\(key)' must be true or false, not \(value.typeName)", at: value.offset)
        }
    }

    private func textList(_ key: String, _ values: FieldTable) throws -> [String] {
        guard let value = values[key] else { return [] }
        switch value {
        case .null: return []
        case .text(let text, _, _):
            // "Taobao, 天猫" written as one string.
            return text.split(whereSeparator: { ",，、;；".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .list(let items, _):
            return try items.map { item in
                guard case .text(let text, _, _) = item else {
                    throw error("'\(key)' must be a list of text; found \(item.typeName)", at: item.offset)
                }
                return text
            }
        default: throw error("'\(key)' must be a list of text, not \(value.typeName)", at: value.offset)
        }
    }

    private struct ParsedPlan {
        let plan: Plan
        let nameField: TextField?
    }

    private func parsePlans(_ value: FieldValue?) throws -> [ParsedPlan] {
        guard let value else { return [] }
        if case .null = value { return [] }
        guard case .list(let items, _) = value else {
            throw error("'plans' must be a list of plans, not \(value.typeName)", at: value.offset)
        }
        return try items.enumerated().map { index, item in
            guard case .map(let members, let at) = item else {
                throw error("plans[\(index)] must be a mapping with name, price, currency and period; found \(item.typeName)", at: item.offset)
            }
            var fields = FieldTable()
            for (key, value) in members {
                guard ["name", "price", "currency", "period"].contains(key) else {
                    throw error("plans[\(index)]: unknown key '\(key)' (known: name, price, currency, period)", at: value.offset)
                }
                fields[key] = value
            }
            var nameField: TextField?
            if let name = fields["name"] {
                switch name {
                case .text(let text, let anchors, _): nameField = TextField(name: "plans[\(index)].name", text: text, anchors: anchors)
                case .number(let text, let offset): nameField = TextField(name: "plans[\(index)].name", text: text, anchors: SourceAnchors(start: offset))
                case .null: break
                default: throw error("plans[\(index)].name must be text", at: name.offset)
                }
            }
            guard let priceValue = fields["price"] else { throw error("plans[\(index)] has no price", at: at) }
            let priceText: String
            let priceOffset: Int
            switch priceValue {
            case .number(let text, let offset): priceText = text; priceOffset = offset
            case .text(let text, let anchors, _): priceText = text; priceOffset = anchors.sourceOffset(of: 0)
            default: throw error("plans[\(index)].price must be a number, not \(priceValue.typeName)", at: priceValue.offset)
            }
            guard let price = Double(priceText) ?? Double(String(priceText.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())), price.isFinite, price >= 0 else {
                throw error("plans[\(index)].price '\(priceText)' is not a price (a number ≥ 0)", at: priceValue.offset)
            }
            var currency = "CNY"
            if let value = fields["currency"] {
                guard case .text(let text, _, _) = value, !text.isEmpty else {
                    throw error("plans[\(index)].currency must be an ISO 4217 code such as CNY or USD", at: value.offset)
                }
                currency = text.uppercased()
            }
            guard let periodValue = fields["period"] else {
                throw error("plans[\(index)] has no period (day, week, month, quarter, year or once)", at: at)
            }
            guard case .text(let periodText, _, _) = periodValue, let period = PlanPeriod(written: periodText) else {
                throw error("plans[\(index)].period must be one of day, week, month, quarter, year, once", at: periodValue.offset)
            }
            let plan = Plan(index: index, name: nameField?.text, price: price, priceText: priceText,
                            priceOffset: priceOffset, currency: currency, period: period)
            return ParsedPlan(plan: plan, nameField: nameField)
        }
    }

    private func parseSuppressions(_ value: FieldValue?) throws -> [SuppressionEntry] {
        guard let value else { return [] }
        guard case .list(let items, _) = value else {
            throw error("'lint_suppressions' must be a list of {rules, reason} entries", at: value.offset)
        }
        return try items.map { item in
            guard case .map(let members, let at) = item else {
                throw error("a lint_suppressions entry must be a mapping with rules and reason", at: item.offset)
            }
            var rules: [String] = []
            var reason: String?
            var field: String?
            var line: Int?
            for (key, value) in members {
                switch (key, value) {
                case ("rules", .list(let names, _)):
                    rules = names.compactMap { if case .text(let t, _, _) = $0 { return t } else { return nil } }
                case ("rules", .text(let text, _, _)), ("rule", .text(let text, _, _)):
                    rules = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                case ("reason", .text(let text, _, _)): reason = text
                case ("field", .text(let text, _, _)): field = text
                case ("line", .number(let text, _)): line = Int(text)
                default:
                    throw error("lint_suppressions: unexpected key '\(key)' (\(value.typeName)); expected rules, reason, field, line", at: value.offset)
                }
            }
            guard !rules.isEmpty else { throw error("a lint_suppressions entry names no rule", at: at) }
            return SuppressionEntry(rules: rules, reason: reason, field: field, line: line, sourceOffset: at)
        }
    }
}


/// Keys and values of one mapping, looked up by a linear scan (listings have under ten keys).
struct FieldTable {
    private var entries: [(key: String, value: FieldValue)] = []

    subscript(key: String) -> FieldValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}
