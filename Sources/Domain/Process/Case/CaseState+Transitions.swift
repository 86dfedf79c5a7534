import Foundation

extension CaseState {
    static func require(
        _ user: ActingUser,
        holdsAnyOf roles: [Role],
        for command: CaseCommand.Name,
        item: ItemID? = nil
    ) throws(CaseRefusal) {
        guard user.holdsAny(of: roles) else {
            throw .missingRole(command, needs: roles, item: item)
        }
    }

    static func requireReason(_ reason: String?, for command: CaseCommand.Name) throws(CaseRefusal) -> String {
        guard let reason = reason.flatMap(nonBlank) else {
            throw .reasonRequired(command)
        }
        return reason
    }

    static func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func moveStatus(to target: CaseStatus, reason: String? = nil) -> [CaseAction] {
        let previous = status
        status = target
        resumeStatus = nil
        return [.statusChanged(from: previous, to: target, reason: reason)]
    }

    mutating func suspend(to target: CaseStatus, reason: String) -> [CaseAction] {
        let previous = status
        let actions = moveStatus(to: target, reason: reason)
        resumeStatus = previous
        return actions
    }

    mutating func resumeSuspended(for command: CaseCommand.Name) throws(CaseRefusal) -> [CaseAction] {
        guard let target = resumeStatus else {
            throw .noStatusToReturnTo(command, in: status)
        }
        return moveStatus(to: target)
    }
}
