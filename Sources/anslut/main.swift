import Foundation
import Web

AnslutMain.runTasksOnEventLoops()
exit(await AnslutMain.run())
