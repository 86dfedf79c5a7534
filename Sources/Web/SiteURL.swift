import Vapor

/// Every path the server answers, so routes register from it and links are built from it: a renamed path
/// fails to compile instead of shipping a 404.
enum SiteURL {
    case healthz
    case metrics

    var pathComponents: [PathComponent] {
        switch self {
        case .healthz: ["healthz"]
        case .metrics: ["metrics"]
        }
    }

    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }
}
