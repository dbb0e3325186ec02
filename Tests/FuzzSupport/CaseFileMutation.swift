import Casework

/// Mutated case files from valid seeds (the sample households): JSON-structure mutations
/// (wrong types, nulls, huge numbers, deep nesting, duplicate keys, missing fields, hostile
/// and field-aware text), then now and then byte mutations (invalid UTF-8, truncation).
/// Most results must be refused; some stay valid and must import.
public struct CaseFileMutator: Sendable {
    public let seeds: [JSONValue]

    /// `seeds`: the bytes of valid case files.
    public init(seeds: [[UInt8]]) throws {
        self.seeds = try seeds.map { try JSONParser.parse($0).get() }
    }

    /// A mutated file. `uniqueId` replaces the household and grant ids nine times in ten,
    /// so a valid result can be imported beside the others; the tenth keeps the seed's ids
    /// and tests the refusal of an id that is already in the store.
    public func mutate(_ rng: inout SplitMix64, uniqueId: String) -> [UInt8] {
        if rng.chance(1, in: 60) { return wholeFile(&rng) }
        var json = rng.pick(seeds)
        if rng.chance(9, in: 10) { json = JSONPath.renamingIds(json, to: uniqueId) }
        let count = rng.chance(1, in: 8) ? 0 : rng.int(1...3)
        for _ in 0..<count { json = mutateOnce(json, &rng) }
        var bytes = Array((rng.chance(1, in: 4) ? JSONWriter.write(json) : JSONWriter.compact(json)).utf8)
        if rng.chance(1, in: 5) { bytes = ByteMutation.mutate(bytes, &rng) }
        return bytes
    }

    /// One structural mutation at a random place in the document.
    func mutateOnce(_ json: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        let path = JSONPath.random(in: json, &rng)
        let key = path.last.flatMap { if case .key(let k) = $0 { k } else { nil } }
        switch rng.below(13) {
        case 0: return JSONPath.replacing(path, in: json) { _ in otherType(&rng) }
        case 1: return JSONPath.replacing(path, in: json) { _ in nil }
        case 2, 3: return JSONPath.replacing(path, in: json) { value in
            guard case .string(let text)? = value else { return otherType(&rng) }
            return .string(FieldValues.text(for: key, old: text, &rng))
        }
        case 4: return JSONPath.replacing(path, in: json) { _ in .number(rng.pick(FieldValues.numbers)) }
        case 5: return JSONPath.replacing(path, in: json) { value in nested(value ?? .null, &rng) }
        case 6: return JSONPath.replacing(path, in: json) { value in
            // A list element twice: two applicants, two grants with one id, two goals.
            guard case .array(var items)? = value, !items.isEmpty else { return value }
            items.insert(rng.pick(items), at: rng.below(items.count + 1))
            return .array(items)
        }
        case 7: return JSONPath.replacing(path, in: json) { value in
            guard case .object(let object)? = value else { return value }
            var entries = object.entries
            if !entries.isEmpty && rng.chance(1, in: 2) {
                // A key twice (the parser must refuse it), or a key renamed (missing + unknown).
                let i = rng.below(entries.count)
                if rng.chance(1, in: 2) { entries.append(entries[i]) }
                else { entries[i].key = FuzzText.mutate(entries[i].key, &rng) }
            } else {
                entries.append((key: FuzzText.random(&rng), value: otherType(&rng)))
            }
            return .object(JSONObject(entries))
        }
        case 8 where rng.chance(1, in: 12): return JSONPath.replacing(path, in: json) { _ in
            // A very long text: a note or name of up to 200 KB. Rare: big files are slow to
            // check, and one in a hundred shows what size does.
            .string(String(repeating: rng.pick(FuzzText.hostile), count: rng.int(2_000...50_000)))
        }
        case 9:
            // Another place's value here: a list where an object belongs, a number for a name.
            let other = JSONPath.value(at: JSONPath.random(in: json, &rng), in: json)
            return JSONPath.replacing(path, in: json) { _ in other }
        case 10 where rng.chance(1, in: 12):
            // Very many keys in one object, or elements in one list: what is linear in a
            // reader must stay linear (a duplicate-key check that scans costs n²).
            let count = rng.int(2_000...20_000)
            return JSONPath.replacing(path, in: json) { value in
                switch value {
                case .object(let o)?:
                    return .object(JSONObject(o.entries + (0..<count).map { (key: "x-\($0)", value: JSONValue.number("\($0)")) }))
                case .array(let items)?:
                    return .array(items + Array(repeating: rng.pick([.object([:]), .null, .string("")]), count: count))
                default:
                    return .array(Array(repeating: .object([:]), count: count))
                }
            }
        default:
            // A required field gone: format, household, name, members, role, amount…
            return JSONPath.replacing(path, in: json) { value in
                guard case .object(var object)? = value, let gone = object.keys.randomElement(using: &rng) else { return value }
                object[gone] = nil
                return .object(object)
            }
        }
    }

    private func otherType(_ rng: inout SplitMix64) -> JSONValue {
        rng.pick([.null, .bool(true), .bool(false), .number("0"), .number("-1"), .number("1e400"),
                  .number("123456789012345678901234567890"), .number("1.5"), .string(""),
                  .string(FuzzText.random(&rng)), .array([]), .object([:]), .array([.null]), .object(["": .null])])
    }

    /// `value` inside `depth` arrays or objects: shallow, or around the parser's limit of
    /// 256 (far beyond it is a whole file of brackets, `wholeFile`).
    private func nested(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        let shallow = rng.int(1...20), nearLimit = rng.int(250...260)
        let depth = rng.pick([shallow, nearLimit, 300])
        var out = value
        for _ in 0..<depth { out = rng.chance(1, in: 2) ? .array([out]) : .object(["n": out]) }
        return out
    }

    /// A file that is not a case file at all: empty, blank, another JSON type, UTF-16,
    /// nested a hundred thousand levels deep, or only invalid bytes.
    private func wholeFile(_ rng: inout SplitMix64) -> [UInt8] {
        switch rng.below(8) {
        case 0: return []
        case 1: return Array(" \n\t\r\n".utf8)
        case 2: return Array(rng.pick(["null", "[]", "\"keukentafel-case/1\"", "5", "true", "{}"]).utf8)
        case 3: return [0xFF, 0xFE] + JSONWriter.write(rng.pick(seeds)).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case 4: return Array(repeating: UInt8(ascii: "["), count: 100_000)
        case 5: return (0..<rng.int(1...5_000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 6: return [0xEF, 0xBB, 0xBF] + Array(JSONWriter.write(rng.pick(seeds)).utf8)
        default: return Array(JSONWriter.write(rng.pick(seeds)).utf8) + Array(rng.pick(["}", "\u{0}", "x", "{}", "\n,"]).utf8)
        }
    }
}
