import Foundation
import Web

AnslutMain.keepFreedMemory()
AnslutMain.runTasksOnEventLoops()
exit(await AnslutMain.run())
