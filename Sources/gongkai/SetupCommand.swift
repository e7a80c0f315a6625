import ArgumentParser
import Foundation
import GongkaiServer
import GongkaiStore

/// `gongkai setup`
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "新服务器的第一步：在数据库中建立一个地区及其财政局管理员账号；管理员再通过接口建立主管部门、单位和其他账号。密码取自环境变量 GONGKAI_ADMIN_PASSWORD，未设置时从标准输入读一行。")

    @Option(help: "地区代码（6 位行政区划代码）。")
    var regionCode: String

    @Option(help: "地区名称（行政区的全称）。")
    var regionName: String

    @Option(help: "管理员的用户名。")
    var username: String

    @Option(name: .long, help: "数据库：postgres://… 或 sqlite:文件路径；默认读环境变量 DATABASE_URL，再默认 sqlite:gongkai.sqlite。")
    var databaseURL: String?

    func run() throws {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "sqlite:gongkai.sqlite"
        let location = try DatabaseLocation(url: url)
        guard let password = ProcessInfo.processInfo.environment["GONGKAI_ADMIN_PASSWORD"] ?? readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("没有管理员密码：请设置环境变量 GONGKAI_ADMIN_PASSWORD，或从标准输入提供一行")
        }
        let region = try Blocking.run { [regionCode, regionName, username] in
            try await RegionSetup.run(location: location, regionCode: regionCode, regionName: regionName, username: username, password: password)
        }
        print("已建立地区“\(region.name)”（\(region.code)，编号 \(region.id)）及其管理员 \(username)。")
    }
}
