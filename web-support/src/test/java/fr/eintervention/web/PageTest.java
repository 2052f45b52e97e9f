package fr.eintervention.web;

import fr.eintervention.protocol.Fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The page bounds every listing shares, and how a refusal reads. */
class PageTest {

    @Test
    void pagesFromZeroOfOneToFiveHundredItemsAreServed() {
        assertThatNoException().isThrownBy(() -> Page.check(0, 1));
        assertThatNoException().isThrownBy(() -> Page.check(7, Page.MAX_SIZE));
    }

    @Test
    void aPageOutsideTheBoundsIsRefusedNamingTheFieldAtFault() {
        InvalidInput page = catchThrowableOfType(InvalidInput.class, () -> Page.check(-1, 50));
        InvalidInput size = catchThrowableOfType(InvalidInput.class, () -> Page.check(0, Page.MAX_SIZE + 1));

        assertThat(page.faults()).containsExactly(Fault.of("page", "0 or more expected"));
        assertThat(size.faults()).containsExactly(Fault.of("size", "between 1 and 500 expected"));
        assertThat(size.getStatusCode().value()).isEqualTo(400);
        assertThat(size.getBody().getDetail()).isEqualTo("size: between 1 and 500 expected");
        assertThat(size.getBody().getTitle()).isEqualTo("Invalid request");
        assertThat(size.getBody().getProperties()).containsEntry("errors", size.faults());
    }

    @Test
    void severalFaultsAreSummedUpByTheirFields() {
        InvalidInput invalid = new InvalidInput(List.of(Fault.of("start", "required"),
                Fault.atIndex(2, "pm", "unknown")));

        assertThat(invalid.getMessage()).isEqualTo("invalid: start, pm");
    }
}
