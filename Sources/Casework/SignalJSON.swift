/// How the store keeps a vroegsignaalzaak and a signal's client: small JSON documents in the
/// project's own codes (docs/signals.md).
public enum SignalJSON {
    public static func zaak(_ z: SignalCase) -> JSONValue {
        var o: JSONObject = ["id": .string(z.id), "matched": .string(z.matched.iso), "periodStart": .string(z.periodStart.iso)]
        o["attempts"] = .array(z.attempts.map { a in
            .object(["kind": .string(a.kind.rawValue), "reached": .bool(a.reached), "date": .string(a.date.iso),
                     "partOfDay": .string(a.partOfDay.rawValue), "by": .string(a.by)])
        })
        o["pickedUp"] = z.pickedUp.map { .string($0.iso) }
        o["result"] = z.result.map { .string($0.rawValue) }
        return .object(o)
    }

    public static func zaak(_ json: JSONValue) -> SignalCase? {
        guard let o = json.objectValue, let id = o["id"]?.stringValue,
              let matched = o["matched"]?.stringValue.flatMap(CalendarDate.init(iso:)),
              let start = o["periodStart"]?.stringValue.flatMap(CalendarDate.init(iso:)) else { return nil }
        let attempts = (o["attempts"]?.arrayValue ?? []).compactMap { v -> ContactAttempt? in
            guard let a = v.objectValue, let kind = a["kind"]?.stringValue.flatMap(ContactKind.init(rawValue:)),
                  let date = a["date"]?.stringValue.flatMap(CalendarDate.init(iso:)),
                  let part = a["partOfDay"]?.stringValue.flatMap(PartOfDay.init(rawValue:)) else { return nil }
            return ContactAttempt(kind: kind, reached: a["reached"]?.boolValue ?? false, date: date, partOfDay: part,
                                  by: a["by"]?.stringValue ?? "")
        }
        return SignalCase(id: id, matched: matched, periodStart: start, attempts: attempts,
                          pickedUp: o["pickedUp"]?.stringValue.flatMap(CalendarDate.init(iso:)),
                          result: o["result"]?.stringValue.flatMap(SignalCaseResult.init(rawValue:)))
    }

    public static func client(_ c: SignalClient) -> JSONValue {
        var o = JSONObject()
        o["bsn"] = c.bsn.map { .string($0.digits) }
        o["postcode"] = c.postcode.map { .string($0) }
        o["houseNumber"] = c.houseNumber.map { .string($0) }
        o["houseNumberSuffix"] = c.houseNumberSuffix.map { .string($0) }
        o["birthDate"] = c.birthDate.map { .string($0.iso) }
        return .object(o)
    }

    public static func client(_ json: JSONValue) -> SignalClient {
        let o = json.objectValue ?? [:]
        return SignalClient(bsn: o["bsn"]?.stringValue.flatMap(BSN.init), postcode: o["postcode"]?.stringValue,
                            houseNumber: o["houseNumber"]?.stringValue, houseNumberSuffix: o["houseNumberSuffix"]?.stringValue,
                            birthDate: o["birthDate"]?.stringValue.flatMap(CalendarDate.init(iso:)))
    }
}
