import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules


/// Reads and checks a file with its detected profile.
func check(_ path: String) throws -> (disclosure: Disclosure, profile: Profile, diagnostics: [Diagnostic]) {
    let disclosure = try DisclosureImporter().read(path: path)
    let profile = try ProfileDetector.detect(disclosure, among: Profile.bundled()) ?? Profile.named("generic")
    let catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
    return (disclosure, profile, Checker().check(disclosure, profile: profile, catalog: catalog))
}

extension Array where Element == Diagnostic {
    func of(_ rule: String) -> [Diagnostic] { filter { $0.rule == rule } }
}
