import Foundation
import CCmark

/// What the linter needs from a description's Markdown, read with a real CommonMark parser:
/// its level-2 headings (the description modules) and its HTML comments (inline directives).
struct MarkdownStructure {
    var modules: [DescriptionModule] = []
    var comments: [DescriptionComment] = []

    static func parse(_ markdown: String, field: TextField, lines: LineIndex) -> MarkdownStructure {
        var structure = MarkdownStructure()
        guard !markdown.isEmpty else { return structure }
        var text = markdown
        let document: OpaquePointer? = text.withUTF8 { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document else { return structure }
        defer { cmark_node_free(document) }

        // Where each body line starts, to turn cmark's line numbers into source offsets.
        var lineStarts = [0]
        var hasComment = false
        text.withUTF8 { bytes in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    lineStarts.append(index + 1)
                } else if byte == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "!"),
                          bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                    hasComment = true
                }
            }
        }
        func sourceOffset(line: Int32) -> Int {
            let index = Int(line) - 1
            return field.sourceOffset(of: index >= 0 && index < lineStarts.count ? lineStarts[index] : 0)
        }

        // Without comments only headings matter: walk the blocks, never the inlines of paragraphs.
        if !hasComment {
            func visit(_ parent: OpaquePointer) {
                var child = cmark_node_first_child(parent)
                while let node = child {
                    switch cmark_node_get_type(node) {
                    case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) == 2:
                        structure.modules.append(DescriptionModule(heading: plainText(of: node), sourceOffset: sourceOffset(line: cmark_node_get_start_line(node))))
                    case CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
                        visit(node)
                    default:
                        break
                    }
                    child = cmark_node_next(node)
                }
            }
            visit(document)
            return structure
        }

        guard let iterator = cmark_iter_new(document) else { return structure }
        defer { cmark_iter_free(iterator) }
        var pendingComments: [(text: String, line: Int, endLine: Int32)] = []
        var contentLines: [Int32] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_HEADING:
                contentLines.append(cmark_node_get_start_line(node))
                guard cmark_node_get_heading_level(node) == 2 else { continue }
                let heading = plainText(of: node)
                structure.modules.append(DescriptionModule(heading: heading, sourceOffset: sourceOffset(line: cmark_node_get_start_line(node))))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                var searchFrom = 0
                // One HTML block may hold several comments.
                while let open = literal.range(of: "<!--", range: literal.index(literal.startIndex, offsetBy: searchFrom)..<literal.endIndex),
                      let close = literal.range(of: "-->", range: open.upperBound..<literal.endIndex) {
                    let comment = String(literal[open.upperBound..<close.lowerBound])
                    let linesBefore = literal[literal.startIndex..<open.lowerBound].filter { $0 == "\n" }.count
                    let startLine = cmark_node_get_start_line(node) + Int32(linesBefore)
                    let position = lines.position(of: sourceOffset(line: startLine))
                    let linesInside = literal[open.lowerBound..<close.upperBound].filter { $0 == "\n" }.count
                    pendingComments.append((comment, position.line, startLine + Int32(linesInside)))
                    searchFrom = literal.distance(from: literal.startIndex, to: close.upperBound)
                }
                if type == CMARK_NODE_HTML_INLINE { contentLines.append(cmark_node_get_start_line(node)) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_ITEM:
                contentLines.append(cmark_node_get_start_line(node))
            default:
                continue
            }
        }
        let sortedContent = Array(Set(contentLines)).sorted()
        for pending in pendingComments {
            let next = sortedContent.first { $0 > pending.endLine }
            let nextLine = next.map { lines.position(of: sourceOffset(line: $0)).line }
            structure.comments.append(DescriptionComment(text: pending.text, line: pending.line, nextContentLine: nextLine))
        }
        return structure
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
