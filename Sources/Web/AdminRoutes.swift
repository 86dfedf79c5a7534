import Vapor

/// The admin pages: users, organisations, platforms and process definitions. Each handler checks for the
/// admin role itself (`requireAdmin`); PageMiddleware signs in and checks every POST's form token as for
/// the other pages.
func adminRoutes(_ app: Application) {
    app.get(SiteURL.admin.pathComponents, use: AdminController.overview)
    app.get(SiteURL.adminUsers.pathComponents, use: AdminUsersController.list)
    app.post(SiteURL.adminUsers.pathComponents, use: AdminUsersController.create)
    app.post(SiteURL.adminUserRoles(.key).pathComponents, use: AdminUsersController.addRole)
    app.post(SiteURL.adminUserRoleRemoval(.key).pathComponents, use: AdminUsersController.removeRole)
    app.get(SiteURL.adminOrganisations.pathComponents, use: AdminController.organisations)
    app.get(SiteURL.adminPlatforms.pathComponents, use: AdminController.platforms)
    app.get(SiteURL.adminPlatform(.key).pathComponents, use: AdminPlatformController.show)
    app.post(SiteURL.adminPlatform(.key).pathComponents, use: AdminPlatformController.save)
    app.get(SiteURL.adminProcesses.pathComponents, use: AdminProcessesController.list)
    app.get(SiteURL.adminProcessVersion(.key, version: .key).pathComponents, use: AdminProcessesController.show)
    app.post(SiteURL.adminProcessPublish.pathComponents, use: AdminProcessesController.publish)
}
