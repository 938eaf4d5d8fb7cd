package dev.baton.function;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.flow.app.MappingFormService;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.function.FlowViews.LinkView;
import dev.baton.function.FlowViews.LintView;
import dev.baton.function.FlowViews.NodeView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The mapping configuration form: the platforms with flows, each chosen side with its choices and nodes
 * in flow order, and the current links. Unchosen parts are {@code null}, never absent.
 */
@RegisterForReflection(targets = {FormView.class, FormView.SideView.class, FormView.CurrentMapping.class,
        FormView.ReversedMapping.class})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FormView(String businessType, List<String> platforms, SideView base, SideView associated,
                       CurrentMapping mapping, LintView lint, ReversedMapping configuredReversed) {

    /** One side of the form. */
    public record SideView(String platform, List<String> choices, int flowVersion, List<NodeView> nodes) {
    }

    /** The links currently configured for the chosen base → associated pair. */
    public record CurrentMapping(int version, int baseFlowVersion, int associatedFlowVersion, List<LinkView> links) {
    }

    /** The mapping between the chosen platforms as it is configured: the other way round. */
    public record ReversedMapping(String base, String associated, int version) {
    }

    static FormView of(MappingFormService.Form form) {
        CurrentMapping mapping = null;
        if (form.mapping() != null) {
            NodeMapping m = form.mapping().value();
            mapping = new CurrentMapping(m.version(), m.baseFlowVersion(), m.associatedFlowVersion(),
                    LinkView.of(m.links()));
        }
        return new FormView(form.businessType(), form.platforms(), side(form.base()), side(form.associated()),
                mapping, form.lint() == null ? null : LintView.of(form.lint()), form.reversed() == null ? null
                : new ReversedMapping(form.reversed().value().basePlatform(),
                        form.reversed().value().associatedPlatform(), form.reversed().value().version()));
    }

    private static SideView side(MappingFormService.Side side) {
        if (side == null) {
            return null;
        }
        return new SideView(side.platform(), side.choices(), side.flow().version(), NodeView.of(side.flow().nodes()));
    }
}
