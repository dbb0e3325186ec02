/// The grant rules checked again on a grant a case file says was submitted (or decided,
/// paid, evaluated): an import may not bring in a state the workstation would have refused —
/// a maatwerk request above the norm without a motivation of substance, a central request
/// outside the norm, or an approval by the person who submitted it (four eyes).
///
/// Only at the border, on import: what is in a store already (an older import, a household
/// anonymised after its retention period) always reads again.
///
/// The figures are the grant's own: its `snapshot` (the norm test as it was at submission)
/// when it has one; else the file's overview on the day it was submitted, else on its
/// reference date — never today, so a file that imports once imports on any day. With the
/// installation's policy left out (the defaults and the file's own policy), the answer is
/// the same on every installation.
public enum RecordedGrantRules {
    /// Every problem of the grants of `file` (as read: `grants[i]` is the file's i-th grant).
    public static func problems(in file: CaseFile) -> [CaseFileProblem] {
        file.grants.enumerated().flatMap { i, grant in problems(of: grant, at: "grants[\(i)]", in: file) }
    }

    static func problems(of grant: Grant, at path: String, in file: CaseFile) -> [CaseFileProblem] {
        guard grant.status != .draft else { return [] }
        var problems: [CaseFileProblem] = []
        let status = grant.status.rawValue
        if let judged = normTestAtSubmission(grant, in: file) {
            for refusal in GrantWorkflow.routeRefusals(grant, normTest: judged.normTest) {
                switch refusal {
                case .motivationTooShort(let length, let required):
                    problems.append(CaseFileProblem(path: path + ".motivation",
                                                    kind: .recordedMotivationTooShort(status: status, length: length, required: required)))
                case .centralRouteAboveNorm, .centralRouteWithoutNorm:
                    problems.append(CaseFileProblem(path: path + ".route",
                                                    kind: .recordedCentralRouteOutsideNorm(status: status, noNorm: judged.normTest == nil)))
                default:
                    break
                }
            }
        }
        if [.approved, .paid, .evaluated].contains(grant.status), !grant.approvedUnderMandate,
           let submitter = grant.submittedBy, grant.decidedBy == submitter {
            problems.append(CaseFileProblem(path: path + ".decidedBy", kind: .recordedOwnApproval(user: submitter)))
        }
        return problems
    }

    /// The norm test a grant was submitted under; `normTest` nil: no norm applied.
    struct Judged { let normTest: NormTest? }

    /// Nil when it cannot be known (no snapshot, and no day or no norm table for it).
    private static func normTestAtSubmission(_ grant: Grant, in file: CaseFile) -> Judged? {
        if let snapshot = grant.snapshot { return Judged(normTest: snapshot.normTest) }
        guard let day = grant.submittedAt?.localDate ?? file.referenceDate else { return nil }
        var onThatDay = file
        onThatDay.referenceDate = day
        guard case .success(let overview) = onThatDay.overview(today: day) else { return nil }
        return Judged(normTest: overview.normTest)
    }
}
