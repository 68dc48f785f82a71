package org.anilexplorer.app.view;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.anilexplorer.app.viewmodel.ParameterField;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * ControlsFX's error marker on the parameter fields the core refuses. The validation itself stays the view model's
 * (the core's {@code Params.with} / {@code validate} messages); ControlsFX only draws: a field whose
 * {@link ParameterField#errorProperty()} is not empty gets the error icon in its corner. The message itself is shown
 * once, in the line under the field, so the icon carries no tooltip of its own (the field's tooltip keeps the
 * meaning and allowed range).
 */
final class FieldDecorations {

    private final ValidationSupport support = new ValidationSupport();

    FieldDecorations() {
        support.setValidationDecorator(new IconOnly());
    }

    /** Marks {@code control} whenever {@code field} holds a refused value. */
    void register(Control control, ParameterField field) {
        support.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, field.getError(), !field.isValid()));
        // the view model validates on its own schedule: redraw when its verdict changes, not when the text does
        field.errorProperty().addListener((obs, old, now) -> support.revalidate(control));
    }

    /** Whether any registered field is marked (for tests). */
    boolean anyInvalid() {
        return Boolean.TRUE.equals(support.isInvalid());
    }

    /** The graphic decoration without the message tooltip: the message is already under the field. */
    private static final class IconOnly extends GraphicValidationDecoration {
        @Override
        protected Tooltip createTooltip(ValidationMessage message) {
            return null;
        }

        /** Inside the field's right end, clear of the text and of the message line under it. */
        @Override
        protected java.util.Collection<org.controlsfx.control.decoration.Decoration> createValidationDecorations(
                ValidationMessage message) {
            return java.util.List.of(new org.controlsfx.control.decoration.GraphicDecoration(
                    createDecorationNode(message), javafx.geometry.Pos.CENTER_RIGHT, -12, 0));
        }

        @Override
        protected Node createDecorationNode(ValidationMessage message) {
            Node node = super.createDecorationNode(message);
            node.getStyleClass().add("field-error-icon");
            return node;
        }
    }
}
