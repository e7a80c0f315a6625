import FluentKit
import Foundation

/// A region: the area one 财政局 is responsible for (a district, a county, a city).
final class RegionRecord: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}

    init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A 主管部门 and the region it belongs to.
final class DepartmentRecord: Model, @unchecked Sendable {
    static let schema = "departments"

    @ID(key: .id) var id: UUID?
    @Field(key: "region_id") var regionID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}

    init(regionID: UUID, code: String, name: String) {
        self.regionID = regionID
        self.code = code
        self.name = name
    }
}

/// A budget unit and its 主管部门.
final class UnitRecord: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "department_id") var departmentID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "contact") var contact: String?

    init() {}

    init(departmentID: UUID, code: String, name: String, contact: String?) {
        self.departmentID = departmentID
        self.code = code
        self.name = name
        self.contact = contact
    }
}
