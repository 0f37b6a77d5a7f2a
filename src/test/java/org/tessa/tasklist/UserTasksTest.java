package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;

/** What every user task in bpmn/ must declare, checked on the model files themselves. */
class UserTasksTest {

    /** A person's button says what they are doing. */
    @Test
    void everyUserTaskNamesTheButtonThatCompletesIt() throws IOException {
        List<String> unlabelled = userTasks().filter(task -> task.getExtensionElements() == null
                        || task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                        .stream().flatMap(properties -> properties.getCamundaProperties().stream())
                        .noneMatch(property -> TaskList.COMPLETE_LABEL.equals(property.getCamundaName())
                                && property.getCamundaValue() != null && !property.getCamundaValue().isBlank()))
                .map(UserTask::getId).toList();
        assertThat(unlabelled).isEmpty();
    }

    /** Nothing a person owns can drift unseen: every task has a due date, so the drift list sees it slip. */
    @Test
    void everyUserTaskHasADueDate() throws IOException {
        assertThat(userTasks().filter(task -> task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank())
                .map(UserTask::getId).toList()).isEmpty();
    }

    private static Stream<UserTask> userTasks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).toList().stream()
                    .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream());
        }
    }
}
