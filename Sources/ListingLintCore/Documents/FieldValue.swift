/// A front-matter or JSON value, whichever format it came from, with its place in the source.
indirect enum FieldValue: Sendable {
    case text(String, SourceAnchors, offset: Int)
    case number(String, offset: Int)
    case bool(Bool, offset: Int)
    case null(offset: Int)
    case list([FieldValue], offset: Int)
    case map([(key: String, value: FieldValue)], offset: Int)

    var offset: Int {
        switch self {
        case .text(_, _, let offset), .number(_, let offset), .bool(_, let offset), .null(let offset),
             .list(_, let offset), .map(_, let offset):
            return offset
        }
    }

    var typeName: String {
        switch self {
        case .text: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "nothing (null)"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    init(json: JSONValue) {
        switch json {
        case .object(let members, let at): self = .map(members.map { ($0.key, FieldValue(json: $0.value)) }, offset: at)
        case .array(let elements, let at): self = .list(elements.map(FieldValue.init(json:)), offset: at)
        case .string(let text, let anchors, let at): self = .text(text, anchors, offset: at)
        case .number(let text, let at): self = .number(text, offset: at)
        case .bool(let value, let at): self = .bool(value, offset: at)
        case .null(let at): self = .null(offset: at)
        }
    }
}
