package org.tessa.people;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Schools")
class SchoolApiController {

    private final StaffDirectory directory;

    SchoolApiController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/schools")
    @Operation(summary = "Schools that may raise enquiries, with their URN (for logging a call on a school's behalf)")
    List<SchoolView> schools() {
        return directory.schools().stream().map(s -> new SchoolView(s.urn(), s.name())).toList();
    }

    record SchoolView(String urn, String name) {
    }
}
