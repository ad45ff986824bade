import type { Widget } from '../../../../../shared/schemas/chat-widgets';
import '../../../styles/chat-widgets.css';
import { AlertStatusCard } from './AlertStatusCard';
import { JournalStatsCard } from './JournalStatsCard';
import { KeyLevelsCard } from './KeyLevelsCard';
import { MarketOverviewCard } from './MarketOverviewCard';
import { OptionsChainCard } from './OptionsChainCard';
import { PnlTrackerCard } from './PnlTrackerCard';
import { PositionSummaryCard } from './PositionSummaryCard';
import { ScanResultsCard } from './ScanResultsCard';

/** The body each widget type draws (a switch, so a new type fails to compile until it has one). */
function widgetBody(widget: Widget) {
  switch (widget.type) {
    case 'key_levels':
      return <KeyLevelsCard data={widget.data} />;
    case 'position_summary':
      return <PositionSummaryCard data={widget.data} />;
    case 'pnl_tracker':
      return <PnlTrackerCard data={widget.data} />;
    case 'market_overview':
      return <MarketOverviewCard data={widget.data} />;
    case 'alert_status':
      return <AlertStatusCard data={widget.data} />;
    case 'options_chain':
      return <OptionsChainCard data={widget.data} />;
    case 'journal_stats':
      return <JournalStatsCard data={widget.data} />;
    case 'scan_results':
      return <ScanResultsCard data={widget.data} />;
  }
}

/** A function's card in the chat: its title over the body its type draws. */
export function WidgetCard({ widget }: { widget: Widget }) {
  return (
    <section className="chat-widget" data-testid="chat-widget" data-widget={widget.type} aria-label={widget.title}>
      <header className="chat-widget-header">
        <h3>{widget.title}</h3>
      </header>
      {widgetBody(widget)}
    </section>
  );
}
