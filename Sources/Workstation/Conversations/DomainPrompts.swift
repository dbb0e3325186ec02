import Casework

/// Questions to ask about an area of life, shown on request (F9) while typing its note.
enum DomainPrompts {
    static func questions(_ domain: LifeDomain, _ l: Language) -> [String] {
        switch domain {
        case .financien: [l.pick("Wat komt er binnen, wat gaat eruit?", "What comes in, what goes out?"),
                          l.pick("Zijn er schulden of achterstanden? Bij wie?", "Are there debts or arrears? With whom?")]
        case .werkOpleiding: [l.pick("Werk, opleiding of dagbesteding: hoe gaat het?", "Work or education: how is it going?"),
                              l.pick("Is het werk in gevaar?", "Is the job at risk?")]
        case .tijdsbesteding: [l.pick("Hoe ziet een gewone dag eruit?", "What does an ordinary day look like?")]
        case .huisvesting: [l.pick("Is de woning veilig en betaalbaar?", "Is the home safe and affordable?"),
                            l.pick("Dreigt een huisuitzetting?", "Is there a threat of eviction?")]
        case .huiselijkeRelaties: [l.pick("Hoe gaat het thuis, met partner en kinderen?", "How are things at home, with partner and children?")]
        case .geestelijkeGezondheid: [l.pick("Hoe gaat het met u, zit u ergens mee?", "How are you; is something weighing on you?")]
        case .lichamelijkeGezondheid: [l.pick("Zijn er lichamelijke klachten of beperkingen?", "Any physical complaints or limitations?")]
        case .middelengebruik: [l.pick("Alcohol, drugs, medicijnen, gokken: speelt dat?", "Alcohol, drugs, medicines, gambling: any of these?")]
        case .basaleADL: [l.pick("Lukt eten, wassen, aankleden zelf?", "Can they eat, wash and dress on their own?")]
        case .instrumenteleADL: [l.pick("Lukt het huishouden, de post, de boodschappen?", "Can they manage the household, the post, the shopping?")]
        case .sociaalNetwerk: [l.pick("Wie kan helpen: familie, buren, vrienden?", "Who can help: family, neighbours, friends?")]
        case .maatschappelijkeParticipatie: [l.pick("Doet het huishouden mee: school, vereniging, vrijwilligerswerk?",
                                                    "Does the household take part: school, clubs, volunteering?")]
        case .justitie: [l.pick("Zijn er boetes, zaken of contact met justitie?", "Any fines, cases or contact with justice?")]
        }
    }
}
