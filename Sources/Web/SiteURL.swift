import Foundation
import Vapor

/// Every path the server answers, so routes register from it and links are built from it: a renamed path
/// fails to compile instead of shipping a 404.
enum SiteURL {
    case healthz
    case metrics
    case stylesheet

    case home
    case login
    case logout
    case password
    case passwordTokenRevocation(Parameter<UUID>)
    case language
    case cases
    case tasks
    case newCase
    case caseShow(Parameter<UUID>)
    case caseOrder(Parameter<UUID>)
    case caseCommands(Parameter<UUID>)
    case caseThreads(Parameter<UUID>)
    case threadMessages(Parameter<UUID>, thread: Parameter<UUID>)
    case caseDocuments(Parameter<UUID>)
    case caseDocument(Parameter<UUID>, document: Parameter<UUID>)
    case caseAccounts(Parameter<UUID>)
    case caseAccountStatus(Parameter<UUID>, account: Parameter<UUID>)
    case caseAccountAETitles(Parameter<UUID>, account: Parameter<UUID>)
    case caseTestSession(Parameter<UUID>, session: Parameter<UUID>)
    case caseTestSessionClose(Parameter<UUID>, session: Parameter<UUID>)
    case caseAssessment(Parameter<UUID>)
    case queue
    case platformQueue(Parameter<String>)
    case platformQueueCapacity(Parameter<String>)

    // Admin pages (issue 5): users, organisations, platforms and process definitions; admins only.
    case admin
    case adminUsers
    case adminUserRoles(Parameter<UUID>)
    case adminUserRoleRemoval(Parameter<UUID>)
    case adminOrganisations
    case adminPlatforms
    case adminPlatform(Parameter<String>)
    case adminProcesses
    case adminProcessVersion(Parameter<String>, version: Parameter<Int>)
    case adminProcessPublish

    /// A path parameter: its name when registering the route, its value when linking.
    enum Parameter<Value: CustomStringConvertible> {
        case key
        case value(Value)

        func component(_ name: String) -> PathComponent {
            switch self {
            case .key: .parameter(name)
            case .value(let value): .constant(value.description.lowercased())
            }
        }
    }

    var pathComponents: [PathComponent] {
        switch self {
        case .healthz: ["healthz"]
        case .metrics: ["metrics"]
        case .stylesheet: ["anslut.css"]
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .password: ["password"]
        case .passwordTokenRevocation(let id): ["password", "tokens", id.component("id"), "revoke"]
        case .language: ["language"]
        case .cases: ["cases"]
        case .tasks: ["tasks"]
        case .newCase: ["cases", "new"]
        case .caseShow(let id): ["cases", id.component("id")]
        case .caseOrder(let id): ["cases", id.component("id"), "order"]
        case .caseCommands(let id): ["cases", id.component("id"), "commands"]
        case .caseThreads(let id): ["cases", id.component("id"), "threads"]
        case .threadMessages(let id, let thread):
            ["cases", id.component("id"), "threads", thread.component("thread"), "messages"]
        case .caseDocuments(let id): ["cases", id.component("id"), "documents"]
        case .caseDocument(let id, let document): ["cases", id.component("id"), "documents", document.component("document")]
        case .caseAccounts(let id): ["cases", id.component("id"), "accounts"]
        case .caseAccountStatus(let id, let account): ["cases", id.component("id"), "accounts", account.component("account"), "status"]
        case .caseAccountAETitles(let id, let account):
            ["cases", id.component("id"), "accounts", account.component("account"), "ae-titles"]
        case .caseTestSession(let id, let session):
            ["cases", id.component("id"), "test-sessions", session.component("session")]
        case .caseTestSessionClose(let id, let session):
            ["cases", id.component("id"), "test-sessions", session.component("session"), "close"]
        case .caseAssessment(let id): ["cases", id.component("id"), "assessment"]
        case .queue: ["queue"]
        case .platformQueue(let code): ["platforms", code.component("code"), "queue"]
        case .platformQueueCapacity(let code): ["platforms", code.component("code"), "queue", "capacity"]

        // Admin pages
        case .admin: ["admin"]
        case .adminUsers: ["admin", "users"]
        case .adminUserRoles(let id): ["admin", "users", id.component("id"), "roles"]
        case .adminUserRoleRemoval(let id): ["admin", "users", id.component("id"), "roles", "remove"]
        case .adminOrganisations: ["admin", "organisations"]
        case .adminPlatforms: ["admin", "platforms"]
        case .adminPlatform(let code): ["admin", "platforms", code.component("code")]
        case .adminProcesses: ["admin", "processes"]
        case .adminProcessVersion(let id, let version): ["admin", "processes", id.component("id"), version.component("version")]
        case .adminProcessPublish: ["admin", "processes", "publish"]
        }
    }

    /// Whether `path` is a case's document upload, whose body may be as large as a document.
    static func isDocumentUpload(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == "cases" && parts[2] == "documents"
    }

    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }
}
