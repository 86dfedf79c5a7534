import Foundation
import Web

exit(await AnslutMain.run())
