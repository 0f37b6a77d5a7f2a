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

/** A person's button says what they are doing, so every user task names it in its BPMN file. */
class CompleteLabelsTest {

    @Test
    void everyUserTaskNamesTheButtonThatCompletesIt() throws IOException {
        List<String> unlabelled;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            unlabelled = files.filter(file -> file.toString().endsWith(".bpmn"))
                    .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream())
                    .filter(task -> task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaProperties.class).list().stream()
                            .flatMap(properties -> properties.getCamundaProperties().stream())
                            .noneMatch(property -> TaskList.COMPLETE_LABEL.equals(property.getCamundaName())
                                    && property.getCamundaValue() != null && !property.getCamundaValue().isBlank()))
                    .map(UserTask::getId).toList();
        }
        assertThat(unlabelled).isEmpty();
    }
}
