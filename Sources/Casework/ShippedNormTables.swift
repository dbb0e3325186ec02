/// The norm tables that ship with Keukentafel (docs/rules.md, "The norm tables").
extension NormTables {
    public static let shipped = NormTables([
        NormTable(
            validFrom: CalendarDate(year: 2024, month: 1, day: 1)!,
            source: "Gemeente Westland, normenoverzicht minimuminkomen voor de bijzondere bijstand per 1 januari 2024 (Participatiewet art. 20–22, incl. vakantietoeslag)",
            norms: [
                .single18to20: Money(cents: 31_694), .single21toAOW: Money(cents: 128_383),
                .singleAOW: Money(cents: 142_576), .couple18to20: Money(cents: 63_388),
                .couple18to20Children: Money(cents: 100_069), .coupleMixed: Money(cents: 123_396),
                .coupleMixedChildren: Money(cents: 160_077), .couple21toAOW: Money(cents: 183_404),
                .coupleAOW: Money(cents: 193_398),
            ]),
        NormTable(
            validFrom: CalendarDate(year: 2025, month: 1, day: 1)!,
            source: "Gemeente Westland, normenoverzicht minimuminkomen voor de bijzondere bijstand per 1 januari 2025 (Participatiewet art. 20–22, incl. vakantietoeslag)",
            norms: [
                .single18to20: Money(cents: 33_217), .single21toAOW: Money(cents: 134_545),
                .singleAOW: Money(cents: 150_107), .couple18to20: Money(cents: 66_434),
                .couple18to20Children: Money(cents: 104_875), .coupleMixed: Money(cents: 129_321),
                .coupleMixedChildren: Money(cents: 167_762), .couple21toAOW: Money(cents: 192_207),
                .coupleAOW: Money(cents: 205_348),
            ]),
    ])
}
