package org.anilexplorer.app.view;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.anilexplorer.app.viewmodel.MainViewModel;
import org.anilexplorer.app.viewmodel.Message;

/**
 * A dismissable bar under the toolbar for errors (bad file, unwritable export) and confirmations. When it goes away
 * while its button has the focus, the focus goes to {@code returnFocus} (the charts), not to the next control in
 * the window (the first parameter field, where the next Space would have replaced d).
 */
public final class MessageBar extends HBox {

    public MessageBar(MainViewModel vm, Runnable returnFocus) {
        getStyleClass().add("message-bar");
        setId("message-bar");
        WrappingLabel text = new WrappingLabel();
        text.setId("message-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.dismissMessage());
        getChildren().addAll(text, dismiss);
        Runnable update = () -> {
            Message m = vm.getMessage();
            if (m == null && dismiss.isFocused()) {
                returnFocus.run();
            }
            setVisible(m != null);
            setManaged(m != null);
            getStyleClass().removeAll("danger", "info");
            if (m != null) {
                text.setFullText(m.text());
                getStyleClass().add(m.severity() == Message.Severity.ERROR ? "danger" : "info");
            }
        };
        vm.messageProperty().addListener((obs, old, now) -> update.run());
        update.run();
    }
}
