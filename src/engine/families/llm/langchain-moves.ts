// Generated from the wheels (langchain 1.4.2, langchain-core 1.6.5, langchain-community 0.4.2,
// langchain-openai 1.6.6, langchain-text-splitters 1.1.2, langchain-huggingface 1.2.2) by reading
// each target module's `__all__` (or its top-level defs); langchain_anthropic's ChatAnthropic is
// from LangChain's migration guide (no wheel here). The two tables are generated (regenerate rather
// than hand-edit); the lookup below them is code.

/** Names each target module exports, space-separated. */
export const TARGET_NAMES: Readonly<Record<string, string>> = {
  'langchain_anthropic': 'ChatAnthropic',
  'langchain_community.callbacks':
    'AimCallbackHandler ArgillaCallbackHandler ArizeCallbackHandler ArthurCallbackHandler ' +
    'ClearMLCallbackHandler CometCallbackHandler ContextCallbackHandler FiddlerCallbackHandler ' +
    'FlyteCallbackHandler HumanApprovalCallbackHandler InfinoCallbackHandler LLMThoughtLabeler ' +
    'LLMonitorCallbackHandler LabelStudioCallbackHandler MlflowCallbackHandler OpenAICallbackHandler ' +
    'PromptLayerCallbackHandler SageMakerCallbackHandler StreamlitCallbackHandler ' +
    'TrubricsCallbackHandler UpTrainCallbackHandler UpstashRatelimitError UpstashRatelimitHandler ' +
    'WandbCallbackHandler WhyLabsCallbackHandler get_openai_callback wandb_tracing_enabled',
  'langchain_community.chat_message_histories':
    'CassandraChatMessageHistory ChatMessageHistory CosmosDBChatMessageHistory ' +
    'DynamoDBChatMessageHistory ElasticsearchChatMessageHistory FileChatMessageHistory ' +
    'FirestoreChatMessageHistory KafkaChatMessageHistory MomentoChatMessageHistory ' +
    'PostgresChatMessageHistory RedisChatMessageHistory RocksetChatMessageHistory ' +
    'SQLChatMessageHistory SingleStoreDBChatMessageHistory StreamlitChatMessageHistory ' +
    'TiDBChatMessageHistory UpstashRedisChatMessageHistory XataChatMessageHistory ' +
    'ZepChatMessageHistory ZepCloudChatMessageHistory',
  'langchain_community.chat_models':
    'ChatAnyscale ChatBaichuan ChatClovaX ChatCoze ChatDeepInfra ChatEdenAI ChatEverlyAI ChatFriendli ' +
    'ChatGooglePalm ChatHunyuan ChatJavelinAIGateway ChatKinetica ChatKonko ChatLlamaCpp ChatMLX ' +
    'ChatMLflowAIGateway ChatMaritalk ChatMlflow ChatNebula ChatOCIGenAI ChatOCIModelDeployment ' +
    'ChatOCIModelDeploymentTGI ChatOCIModelDeploymentVLLM ChatOctoAI ChatOutlines ChatPremAI ChatReka ' +
    'ChatSnowflakeCortex ChatSparkLLM ChatTongyi ChatYandexGPT ChatYi ChatYuan2 ChatZhipuAI ' +
    'ErnieBotChat FakeListChatModel GPTRouter HumanInputChatModel JinaChat LlamaEdgeChatService ' +
    'MiniMaxChat MoonshotChat PaiEasChatEndpoint PromptLayerChatOpenAI QianfanChatEndpoint ' +
    'VolcEngineMaasChat',
  'langchain_community.document_loaders':
    'AZLyricsLoader AcreomLoader AirbyteCDKLoader AirbyteGongLoader AirbyteHubspotLoader ' +
    'AirbyteJSONLoader AirbyteSalesforceLoader AirbyteShopifyLoader AirbyteStripeLoader ' +
    'AirbyteTypeformLoader AirbyteZendeskSupportLoader AirtableLoader AmazonTextractPDFLoader ' +
    'ApifyDatasetLoader ArcGISLoader ArxivLoader AssemblyAIAudioLoaderById ' +
    'AssemblyAIAudioTranscriptLoader AstraDBLoader AsyncChromiumLoader AsyncHtmlLoader AthenaLoader ' +
    'AzureAIDataLoader AzureAIDocumentIntelligenceLoader AzureBlobStorageContainerLoader ' +
    'AzureBlobStorageFileLoader BSHTMLLoader BibtexLoader BigQueryLoader BiliBiliLoader ' +
    'BlackboardLoader Blob BlobLoader BlockchainDocumentLoader BraveSearchLoader BrowserbaseLoader ' +
    'BrowserlessLoader CSVLoader CassandraLoader ChatGPTLoader CloudBlobLoader CoNLLULoader ' +
    'CollegeConfidentialLoader ConcurrentLoader ConfluenceLoader CouchbaseLoader CubeSemanticLoader ' +
    'DataFrameLoader DatadogLogsLoader DedocAPIFileLoader DedocFileLoader DedocPDFLoader ' +
    'DiffbotLoader DirectoryLoader DiscordChatLoader DocugamiLoader DocusaurusLoader Docx2txtLoader ' +
    'DropboxLoader DuckDBLoader EtherscanLoader EverNoteLoader FacebookChatLoader FaunaLoader ' +
    'FigmaFileLoader FileSystemBlobLoader FireCrawlLoader GCSDirectoryLoader GCSFileLoader ' +
    'GeoDataFrameLoader GitHubIssuesLoader GitLoader GitbookLoader GithubFileLoader GlueCatalogLoader ' +
    'GoogleApiClient GoogleApiYoutubeLoader GoogleDriveLoader GoogleSpeechToTextLoader ' +
    'GutenbergLoader HNLoader HuggingFaceDatasetLoader HuggingFaceModelLoader IFixitLoader ' +
    'IMSDbLoader ImageCaptionLoader IuguLoader JSONLoader JoplinLoader KineticaLoader ' +
    'LLMSherpaFileLoader LakeFSLoader LarkSuiteDocLoader MHTMLLoader MWDumpLoader MastodonTootsLoader ' +
    'MathpixPDFLoader MaxComputeLoader MergedDataLoader ModernTreasuryLoader MongodbLoader ' +
    'NeedleLoader NewsURLLoader NotebookLoader NotionDBLoader NotionDirectoryLoader ' +
    'OBSDirectoryLoader OBSFileLoader ObsidianLoader OneDriveFileLoader OneDriveLoader ' +
    'OnlinePDFLoader OpenCityDataLoader OracleAutonomousDatabaseLoader OracleDocLoader ' +
    'OracleTextSplitter OutlookMessageLoader PDFMinerLoader PDFMinerPDFasHTMLLoader PDFPlumberLoader ' +
    'PagedPDFSplitter PebbloSafeLoader PebbloTextLoader PlaywrightURLLoader PolarsDataFrameLoader ' +
    'PsychicLoader PubMedLoader PyMuPDFLoader PyPDFDirectoryLoader PyPDFLoader PyPDFium2Loader ' +
    'PySparkDataFrameLoader PythonLoader RSSFeedLoader ReadTheDocsLoader RecursiveUrlLoader ' +
    'RedditPostsLoader RoamLoader RocksetLoader S3DirectoryLoader S3FileLoader SQLDatabaseLoader ' +
    'SRTLoader ScrapflyLoader ScrapingAntLoader SeleniumURLLoader SharePointLoader SitemapLoader ' +
    'SlackDirectoryLoader SnowflakeLoader SpiderLoader SpreedlyLoader StripeLoader SurrealDBLoader ' +
    'TelegramChatApiLoader TelegramChatFileLoader TelegramChatLoader TencentCOSDirectoryLoader ' +
    'TencentCOSFileLoader TensorflowDatasetLoader TextLoader TiDBLoader ToMarkdownLoader TomlLoader ' +
    'TrelloLoader TwitterTweetLoader UnstructuredAPIFileIOLoader UnstructuredAPIFileLoader ' +
    'UnstructuredCHMLoader UnstructuredCSVLoader UnstructuredEPubLoader UnstructuredEmailLoader ' +
    'UnstructuredExcelLoader UnstructuredFileIOLoader UnstructuredFileLoader UnstructuredHTMLLoader ' +
    'UnstructuredImageLoader UnstructuredMarkdownLoader UnstructuredODTLoader ' +
    'UnstructuredOrgModeLoader UnstructuredPDFLoader UnstructuredPowerPointLoader ' +
    'UnstructuredRSTLoader UnstructuredRTFLoader UnstructuredTSVLoader UnstructuredURLLoader ' +
    'UnstructuredWordDocumentLoader UnstructuredXMLLoader VsdxLoader WeatherDataLoader WebBaseLoader ' +
    'WhatsAppChatLoader WikipediaLoader XorbitsLoader YoutubeAudioLoader YoutubeLoader YuqueLoader',
  'langchain_community.document_transformers':
    'BeautifulSoupTransformer DoctranPropertyExtractor DoctranQATransformer DoctranTextTranslator ' +
    'EmbeddingsClusteringFilter EmbeddingsRedundantFilter GoogleTranslateTransformer ' +
    'Html2TextTransformer LongContextReorder MarkdownifyTransformer NucliaTextTransformer ' +
    'OpenAIMetadataTagger get_stateful_documents',
  'langchain_community.embeddings':
    'AlephAlphaAsymmetricSemanticEmbedding AlephAlphaSymmetricSemanticEmbedding AnyscaleEmbeddings ' +
    'AscendEmbeddings AwaEmbeddings AzureOpenAIEmbeddings BaichuanTextEmbeddings BedrockEmbeddings ' +
    'BookendEmbeddings ClarifaiEmbeddings ClovaEmbeddings ClovaXEmbeddings CohereEmbeddings ' +
    'DashScopeEmbeddings DatabricksEmbeddings DeepInfraEmbeddings DeterministicFakeEmbedding ' +
    'EdenAiEmbeddings ElasticsearchEmbeddings EmbaasEmbeddings ErnieEmbeddings FakeEmbeddings ' +
    'FastEmbedEmbeddings GPT4AllEmbeddings GigaChatEmbeddings GooglePalmEmbeddings GradientEmbeddings ' +
    'HuggingFaceBgeEmbeddings HuggingFaceEmbeddings HuggingFaceHubEmbeddings ' +
    'HuggingFaceInferenceAPIEmbeddings HuggingFaceInstructEmbeddings HunyuanEmbeddings ' +
    'InfinityEmbeddings InfinityEmbeddingsLocal IpexLLMBgeEmbeddings JavelinAIGatewayEmbeddings ' +
    'JinaEmbeddings JohnSnowLabsEmbeddings LLMRailsEmbeddings LaserEmbeddings LlamaCppEmbeddings ' +
    'LlamafileEmbeddings LocalAIEmbeddings MiniMaxEmbeddings MlflowAIGatewayEmbeddings ' +
    'MlflowCohereEmbeddings MlflowEmbeddings Model2vecEmbeddings ModelScopeEmbeddings ' +
    'MosaicMLInstructorEmbeddings NLPCloudEmbeddings NeMoEmbeddings OCIGenAIEmbeddings ' +
    'OVHCloudEmbeddings OctoAIEmbeddings OllamaEmbeddings OpenAIEmbeddings OpenVINOBgeEmbeddings ' +
    'OpenVINOEmbeddings OracleEmbeddings PremAIEmbeddings QianfanEmbeddingsEndpoint ' +
    'QuantizedBgeEmbeddings QuantizedBiEncoderEmbeddings SagemakerEndpointEmbeddings ' +
    'SambaStudioEmbeddings SelfHostedEmbeddings SelfHostedHuggingFaceEmbeddings ' +
    'SelfHostedHuggingFaceInstructEmbeddings SentenceTransformerEmbeddings SolarEmbeddings ' +
    'SpacyEmbeddings SparkLLMTextEmbeddings TensorflowHubEmbeddings TextEmbedEmbeddings ' +
    'TitanTakeoffEmbed VertexAIEmbeddings VolcanoEmbeddings VoyageEmbeddings XinferenceEmbeddings ' +
    'YandexGPTEmbeddings ZhipuAIEmbeddings',
  'langchain_community.llms':
    'AI21 AlephAlpha AmazonAPIGateway Anthropic Anyscale Aphrodite Arcee Aviary AzureMLOnlineEndpoint ' +
    'AzureOpenAI BaichuanLLM Banana Beam Bedrock CTransformers CTranslate2 CerebriumAI ChatGLM ' +
    'Clarifai Cohere Databricks DeepInfra DeepSparse EdenAI FakeListLLM Fireworks ForefrontAI ' +
    'Friendli GPT4All GigaChat GooglePalm GooseAI GradientLLM HuggingFaceEndpoint HuggingFaceHub ' +
    'HuggingFacePipeline HuggingFaceTextGenInference HumanInputLLM IpexLLM JavelinAIGateway ' +
    'KoboldApiLLM Konko LlamaCpp Llamafile MLXPipeline ManifestWrapper Minimax Mlflow MlflowAIGateway ' +
    'Modal MosaicML NIBittensorLLM NLPCloud Nebula OCIGenAI OCIModelDeploymentLLM ' +
    'OCIModelDeploymentTGI OCIModelDeploymentVLLM OctoAIEndpoint Ollama OpaquePrompts OpenAI ' +
    'OpenAIChat OpenLLM OpenLM Outlines PaiEasEndpoint Petals PipelineAI Predibase PredictionGuard ' +
    'PromptLayerOpenAI PromptLayerOpenAIChat QianfanLLMEndpoint RWKV Replicate SagemakerEndpoint ' +
    'SambaNovaCloud SambaStudio SelfHostedHuggingFaceLLM SelfHostedPipeline SparkLLM StochasticAI ' +
    'TextGen TitanTakeoff TitanTakeoffPro Together Tongyi VLLM VLLMOpenAI VertexAI ' +
    'VertexAIModelGarden VolcEngineMaasLLM WatsonxLLM WeightOnlyQuantPipeline Writer Xinference ' +
    'YandexGPT YiLLM You Yuan2',
  'langchain_community.tools':
    'AINAppOps AINOwnerOps AINRuleOps AINTransfer AINValueOps AIPluginTool APIOperation ArxivQueryRun ' +
    'AskNewsSearch AzureAiServicesDocumentIntelligenceTool AzureAiServicesImageAnalysisTool ' +
    'AzureAiServicesSpeechToTextTool AzureAiServicesTextAnalyticsForHealthTool ' +
    'AzureAiServicesTextToSpeechTool AzureCogsFormRecognizerTool AzureCogsImageAnalysisTool ' +
    'AzureCogsSpeech2TextTool AzureCogsText2SpeechTool AzureCogsTextAnalyticsHealthTool BalanceSheets ' +
    'BaseGraphQLTool BaseRequestsTool BaseSQLDatabaseTool BaseSparkSQLTool BaseTool ' +
    'BearlyInterpreterTool BingSearchResults BingSearchRun BraveSearch CashFlowStatements ClickTool ' +
    'CogniswitchKnowledgeRequest CogniswitchKnowledgeSourceFile CogniswitchKnowledgeSourceURL ' +
    'CogniswitchKnowledgeStatus ConneryAction CopyFileTool CurrentWebPageTool DataheraldTextToSQL ' +
    'DeleteFileTool Detector DuckDuckGoSearchResults DuckDuckGoSearchRun E2BDataAnalysisTool ' +
    'EdenAiExplicitImageTool EdenAiObjectDetectionTool EdenAiParsingIDTool EdenAiParsingInvoiceTool ' +
    'EdenAiSpeechToTextTool EdenAiTextModerationTool EdenAiTextToSpeechTool EdenaiTool ' +
    'ElevenLabsText2SpeechTool ExtractHyperlinksTool ExtractTextTool FileSearchTool GetElementsTool ' +
    'GmailCreateDraft GmailGetMessage GmailGetThread GmailSearch GmailSendMessage GoogleBooksQueryRun ' +
    'GoogleCloudTextToSpeechTool GoogleSerperResults GoogleSerperRun HumanInputRun IFTTTWebhook ' +
    'IncomeStatements InfoPowerBITool InfoSQLDatabaseTool InfoSparkSQLTool JinaSearch JiraAction ' +
    'JsonGetValueTool JsonListKeysTool ListDirectoryTool ListPowerBITool ListSQLDatabaseTool ' +
    'ListSparkSQLTool MerriamWebsterQueryRun MetaphorSearchResults MojeekSearch MoveFileTool ' +
    'NasaAction NavigateBackTool NavigateTool O365CreateDraftMessage O365SearchEmails ' +
    'O365SearchEvents O365SendEvent O365SendMessage OpenAPISpec OpenWeatherMapQueryRun ' +
    'PolygonAggregates PolygonFinancials PolygonLastQuote PolygonTickerNews PubmedQueryRun ' +
    'QueryCheckerTool QueryPowerBITool QuerySQLCheckerTool QuerySQLDataBaseTool QuerySQLDatabaseTool ' +
    'QuerySparkSQLTool ReadFileTool RedditSearchRun RedditSearchSchema RequestsDeleteTool ' +
    'RequestsGetTool RequestsPatchTool RequestsPostTool RequestsPutTool SceneXplainTool ' +
    'SearchAPIResults SearchAPIRun SearxSearchResults SearxSearchRun ShellTool SlackGetChannel ' +
    'SlackGetMessage SlackScheduleMessage SlackSendMessage SleepTool StackExchangeTool ' +
    'StdInInquireTool SteamWebAPIQueryRun SteamshipImageGenerationTool StructuredTool TavilyAnswer ' +
    'TavilySearchResults Tool VectorStoreQATool VectorStoreQAWithSourcesTool WikipediaQueryRun ' +
    'WolframAlphaQueryRun WriteFileTool YahooFinanceNewsTool YouSearchTool YouTubeSearchTool ' +
    'ZapierNLAListActions ZapierNLARunAction ZenGuardInput ZenGuardTool authenticate ' +
    'format_tool_to_openai_function tool',
  'langchain_community.utilities':
    'AlphaVantageAPIWrapper ApifyWrapper ArceeWrapper ArxivAPIWrapper AskNewsAPIWrapper AudioStream ' +
    'BibtexparserWrapper BingSearchAPIWrapper BraveSearchWrapper DataheraldAPIWrapper DriaAPIWrapper ' +
    'DuckDuckGoSearchAPIWrapper GoldenQueryAPIWrapper GoogleBooksAPIWrapper GoogleFinanceAPIWrapper ' +
    'GoogleJobsAPIWrapper GoogleLensAPIWrapper GoogleScholarAPIWrapper GoogleSerperAPIWrapper ' +
    'GoogleTrendsAPIWrapper GraphQLAPIWrapper InfobipAPIWrapper JiraAPIWrapper LambdaWrapper ' +
    'MaxComputeAPIWrapper MerriamWebsterAPIWrapper MetaphorSearchAPIWrapper MojeekSearchAPIWrapper ' +
    'NVIDIARivaASR NVIDIARivaStream NVIDIARivaTTS NasaAPIWrapper NutritionAIAPI ' +
    'OpenWeatherMapAPIWrapper OutlineAPIWrapper Portkey PowerBIDataset PubMedAPIWrapper ' +
    'RememberizerAPIWrapper Requests RequestsWrapper RivaASR RivaTTS SQLDatabase ' +
    'SceneXplainAPIWrapper SearchApiAPIWrapper SearxSearchWrapper SerpAPIWrapper SparkSQL ' +
    'StackExchangeAPIWrapper SteamWebAPIWrapper TensorflowDatasets TextRequestsWrapper ' +
    'TwilioAPIWrapper WikipediaAPIWrapper WolframAlphaAPIWrapper YouSearchAPIWrapper ZapierNLAWrapper',
  'langchain_community.vectorstores':
    'Aerospike AlibabaCloudOpenSearch AlibabaCloudOpenSearchSettings AnalyticDB Annoy ApacheDoris ' +
    'ApertureDB AstraDB AtlasDB AwaDB AzureCosmosDBNoSqlVectorSearch AzureCosmosDBVectorSearch ' +
    'AzureSearch BESVectorStore Bagel BaiduVectorDB BigQueryVectorSearch Cassandra Chroma Clarifai ' +
    'Clickhouse ClickhouseSettings CouchbaseVectorStore DashVector Dingo DistanceStrategy ' +
    'DocArrayHnswSearch DocArrayInMemorySearch DocumentDBVectorSearch DuckDB EcloudESVectorStore ' +
    'ElasticKnnSearch ElasticVectorSearch ElasticsearchStore Epsilla FAISS Hologres ' +
    'InMemoryVectorStore InfinispanVS KDBAI Kinetica KineticaSettings LLMRails LanceDB Lantern ' +
    'ManticoreSearch ManticoreSearchSettings Marqo Meilisearch MomentoVectorIndex MyScale ' +
    'MyScaleSettings NeuralDBClientVectorStore NeuralDBVectorStore OpenSearchVectorSearch PGEmbedding ' +
    'PGVector PathwayVectorClient Redis Relyt Rockset SKLearnVectorStore SQLiteVSS SQLiteVec ScaNN ' +
    'SemaDB SingleStoreDB StarRocks SupabaseVectorStore SurrealDBStore TablestoreVectorStore Tair ' +
    'TencentVectorDB TiDBVectorStore TileDB TimescaleVector Typesense USearch UpstashVectorStore ' +
    'VLite Vald Vearch Vectara VectorStore VespaStore Yellowbrick ZepCloudVectorStore ZepVectorStore ' +
    'Zilliz',
  'langchain_core.agents': 'AgentAction AgentActionMessageLog AgentFinish AgentStep',
  'langchain_core.callbacks':
    'AsyncCallbackHandler AsyncCallbackManager AsyncCallbackManagerForChainGroup ' +
    'AsyncCallbackManagerForChainRun AsyncCallbackManagerForLLMRun ' +
    'AsyncCallbackManagerForRetrieverRun AsyncCallbackManagerForToolRun AsyncParentRunManager ' +
    'AsyncRunManager BaseCallbackHandler BaseCallbackManager BaseRunManager CallbackManager ' +
    'CallbackManagerForChainGroup CallbackManagerForChainRun CallbackManagerForLLMRun ' +
    'CallbackManagerForRetrieverRun CallbackManagerForToolRun CallbackManagerMixin Callbacks ' +
    'ChainManagerMixin FileCallbackHandler LLMManagerMixin ParentRunManager RetrieverManagerMixin ' +
    'RunManager RunManagerMixin StdOutCallbackHandler StreamingStdOutCallbackHandler ToolManagerMixin ' +
    'UsageMetadataCallbackHandler adispatch_custom_event dispatch_custom_event ' +
    'get_usage_metadata_callback',
  'langchain_core.callbacks.manager':
    'AsyncCallbackManager AsyncCallbackManagerForChainGroup AsyncCallbackManagerForChainRun ' +
    'AsyncCallbackManagerForLLMRun AsyncCallbackManagerForRetrieverRun AsyncCallbackManagerForToolRun ' +
    'AsyncParentRunManager AsyncRunManager BaseRunManager CallbackManager ' +
    'CallbackManagerForChainGroup CallbackManagerForChainRun CallbackManagerForLLMRun ' +
    'CallbackManagerForRetrieverRun CallbackManagerForToolRun ParentRunManager RunManager ' +
    'adispatch_custom_event ahandle_event atrace_as_chain_group dispatch_custom_event handle_event ' +
    'shielded trace_as_chain_group',
  'langchain_core.chat_history': 'BaseChatMessageHistory',
  'langchain_core.documents': 'BaseDocumentCompressor BaseDocumentTransformer Document',
  'langchain_core.embeddings': 'DeterministicFakeEmbedding Embeddings FakeEmbeddings',
  'langchain_core.exceptions': 'OutputParserException',
  'langchain_core.language_models': 'BaseLanguageModel',
  'langchain_core.language_models.llms': 'BaseLLM LLM',
  'langchain_core.messages':
    'AIMessage AIMessageChunk Annotation AnyMessage AudioContentBlock BaseMessage BaseMessageChunk ' +
    'ChatMessage ChatMessageChunk Citation ContentBlock DataContentBlock FileContentBlock ' +
    'FunctionMessage FunctionMessageChunk HumanMessage HumanMessageChunk ImageContentBlock ' +
    'InputTokenDetails InvalidToolCall LC_AUTO_PREFIX LC_ID_PREFIX MessageLikeRepresentation ' +
    'NonStandardAnnotation NonStandardContentBlock OutputTokenDetails PlainTextContentBlock ' +
    'ReasoningContentBlock RemoveMessage ServerToolCall ServerToolCallChunk ServerToolResult ' +
    'SystemMessage SystemMessageChunk TextContentBlock ToolCall ToolCallChunk ToolMessage ' +
    'ToolMessageChunk UsageMetadata VideoContentBlock convert_to_messages ' +
    'convert_to_openai_data_block convert_to_openai_image_block convert_to_openai_messages ensure_id ' +
    'filter_messages get_buffer_string is_data_content_block merge_content merge_message_runs ' +
    'message_chunk_to_message message_to_dict messages_from_dict messages_to_dict trim_messages',
  'langchain_core.output_parsers':
    'BaseCumulativeTransformOutputParser BaseGenerationOutputParser BaseLLMOutputParser ' +
    'BaseOutputParser BaseTransformOutputParser CommaSeparatedListOutputParser ' +
    'JsonOutputKeyToolsParser JsonOutputParser JsonOutputToolsParser ListOutputParser ' +
    'MarkdownListOutputParser NumberedListOutputParser PydanticOutputParser PydanticToolsParser ' +
    'SimpleJsonOutputParser StrOutputParser XMLOutputParser',
  'langchain_core.outputs': 'ChatGeneration ChatGenerationChunk ChatResult Generation GenerationChunk LLMResult RunInfo',
  'langchain_core.prompt_values': 'ChatPromptValue ChatPromptValueConcrete ImagePromptValue ImageURL PromptValue StringPromptValue',
  'langchain_core.prompts':
    'AIMessagePromptTemplate BaseChatPromptTemplate BasePromptTemplate ChatMessagePromptTemplate ' +
    'ChatPromptTemplate DictPromptTemplate FewShotChatMessagePromptTemplate FewShotPromptTemplate ' +
    'FewShotPromptWithTemplates HumanMessagePromptTemplate MessagesPlaceholder PromptTemplate ' +
    'StringPromptTemplate SystemMessagePromptTemplate aformat_document check_valid_template ' +
    'format_document get_template_variables jinja2_formatter load_prompt validate_jinja2',
  'langchain_core.retrievers': 'BaseRetriever',
  'langchain_core.runnables':
    'AddableDict ConfigurableField ConfigurableFieldMultiOption ConfigurableFieldSingleOption ' +
    'ConfigurableFieldSpec RouterInput RouterRunnable Runnable RunnableAssign RunnableBinding ' +
    'RunnableBranch RunnableConfig RunnableGenerator RunnableLambda RunnableMap RunnableParallel ' +
    'RunnablePassthrough RunnablePick RunnableSequence RunnableSerializable RunnableWithFallbacks ' +
    'RunnableWithMessageHistory aadd add chain ensure_config get_config_list patch_config ' +
    'run_in_executor',
  'langchain_core.tools':
    'ArgsSchema BaseTool BaseToolkit FILTERED_ARGS InjectedToolArg InjectedToolCallId RetrieverInput ' +
    'SchemaAnnotationError StructuredTool Tool ToolException ToolsRenderer convert_runnable_to_tool ' +
    'create_retriever_tool create_schema_from_function render_text_description ' +
    'render_text_description_and_args tool',
  'langchain_core.vectorstores': 'InMemoryVectorStore VST VectorStore VectorStoreRetriever',
  'langchain_huggingface':
    'ChatHuggingFace HuggingFaceEmbeddings HuggingFaceEndpoint HuggingFaceEndpointEmbeddings ' +
    'HuggingFacePipeline',
  'langchain_openai': 'AzureChatOpenAI AzureOpenAI AzureOpenAIEmbeddings ChatOpenAI OpenAI OpenAIEmbeddings',
  'langchain_text_splitters':
    'CharacterTextSplitter ElementType ExperimentalMarkdownSyntaxTextSplitter HTMLHeaderTextSplitter ' +
    'HTMLSectionSplitter HTMLSemanticPreservingSplitter HeaderType JSFrameworkTextSplitter ' +
    'KonlpyTextSplitter Language LatexTextSplitter LineType MarkdownHeaderTextSplitter ' +
    'MarkdownTextSplitter NLTKTextSplitter PythonCodeTextSplitter RecursiveCharacterTextSplitter ' +
    'RecursiveJsonSplitter SentenceTransformersTokenTextSplitter SpacyTextSplitter TextSplitter ' +
    'TokenTextSplitter Tokenizer split_text_on_tokens',
};

/** Old langchain module → the modules its names moved to, in lookup order. */
export const LANGCHAIN_MOVES: Readonly<Record<string, readonly string[]>> = {
  'langchain': ['langchain_openai', 'langchain_core.prompts', 'langchain_community.llms', 'langchain_community.utilities', 'langchain_community.vectorstores'],
  'langchain.callbacks': ['langchain_core.callbacks', 'langchain_community.callbacks'],
  'langchain.callbacks.base': ['langchain_core.callbacks'],
  'langchain.callbacks.manager': ['langchain_core.callbacks.manager'],
  'langchain.callbacks.streaming_stdout': ['langchain_core.callbacks'],
  'langchain.chat_message_histories': ['langchain_community.chat_message_histories'],
  'langchain.chat_models': ['langchain_openai', 'langchain_anthropic', 'langchain_huggingface', 'langchain_community.chat_models'],
  'langchain.chat_models.openai': ['langchain_openai'],
  'langchain.docstore.document': ['langchain_core.documents'],
  'langchain.document_loaders': ['langchain_community.document_loaders'],
  'langchain.document_transformers': ['langchain_community.document_transformers'],
  'langchain.embeddings': ['langchain_openai', 'langchain_huggingface', 'langchain_community.embeddings'],
  'langchain.embeddings.openai': ['langchain_openai'],
  'langchain.llms': ['langchain_openai', 'langchain_huggingface', 'langchain_community.llms'],
  'langchain.llms.base': ['langchain_core.language_models.llms'],
  'langchain.llms.openai': ['langchain_openai'],
  'langchain.output_parsers': ['langchain_core.output_parsers'],
  'langchain.prompts': ['langchain_core.prompts'],
  'langchain.prompts.chat': ['langchain_core.prompts'],
  'langchain.prompts.prompt': ['langchain_core.prompts'],
  'langchain.schema': ['langchain_core.messages', 'langchain_core.documents', 'langchain_core.output_parsers', 'langchain_core.outputs', 'langchain_core.exceptions', 'langchain_core.retrievers', 'langchain_core.prompt_values', 'langchain_core.agents', 'langchain_core.chat_history', 'langchain_core.prompts'],
  'langchain.schema.document': ['langchain_core.documents'],
  'langchain.schema.embeddings': ['langchain_core.embeddings'],
  'langchain.schema.language_model': ['langchain_core.language_models'],
  'langchain.schema.messages': ['langchain_core.messages'],
  'langchain.schema.output_parser': ['langchain_core.output_parsers', 'langchain_core.exceptions'],
  'langchain.schema.retriever': ['langchain_core.retrievers'],
  'langchain.schema.runnable': ['langchain_core.runnables'],
  'langchain.schema.vectorstore': ['langchain_core.vectorstores'],
  'langchain.text_splitter': ['langchain_text_splitters'],
  'langchain.tools': ['langchain_core.tools', 'langchain_community.tools'],
  'langchain.utilities': ['langchain_community.utilities'],
  'langchain.vectorstores': ['langchain_community.vectorstores'],
};

/** Modules langchain 1.x still has, with their names (undefined: any name, a module we do not list). */
const LANGCHAIN_1X: Readonly<Record<string, string | undefined>> = {
  langchain: '__version__',
  'langchain.agents': 'AgentState create_agent',
  'langchain.chat_models': 'BaseChatModel init_chat_model',
  'langchain.embeddings': 'Embeddings init_embeddings',
  'langchain.messages': undefined,
  'langchain.rate_limiters': 'BaseRateLimiter InMemoryRateLimiter',
  'langchain.tools': 'BaseTool InjectedState InjectedStore InjectedToolArg InjectedToolCallId ToolException ToolRuntime tool',
};
/** Subpackages of langchain 1.x whose submodules all exist. */
const LANGCHAIN_1X_PACKAGES = ['langchain.agents', 'langchain.chat_models', 'langchain.embeddings', 'langchain.mcp', 'langchain.messages', 'langchain.rate_limiters', 'langchain.tools'];

const split = (names: string) => new Set(names.split(' '));
const targetNames = new Map(Object.entries(TARGET_NAMES).map(([module, names]) => [module, split(names)]));

export type LangchainImport =
  | { kind: 'kept' }
  | { kind: 'moved'; module: string; package: string; sameObject: boolean }
  | { kind: 'removed'; module: string; package: string };

/** What became of `from <module> import <name>` in langchain 1.x (undefined: not a langchain module). */
export function langchainImport(module: string, name: string): LangchainImport | undefined {
  if (module !== 'langchain' && !module.startsWith('langchain.')) return undefined;
  if (module in LANGCHAIN_1X) {
    const kept = LANGCHAIN_1X[module];
    if (kept === undefined || split(kept).has(name)) return { kind: 'kept' };
  } else if (LANGCHAIN_1X_PACKAGES.some((p) => module.startsWith(`${p}.`)) && !(module in LANGCHAIN_MOVES)) {
    return { kind: 'kept' };
  }
  for (const target of LANGCHAIN_MOVES[module] ?? []) {
    if (targetNames.get(target)?.has(name)) return { kind: 'moved', module: target, package: packageOf(target), sameObject: isSameObject(target) };
  }
  // langchain-classic keeps the 0.3 layout (`langchain.chains` → `langchain_classic.chains`).
  return { kind: 'removed', module: module.replace(/^langchain/, 'langchain_classic'), package: 'langchain-classic' };
}

/** True when langchain 1.x still has the module (`langchain.chat_models`, `langchain.agents.middleware`). */
export function isLangchain1Module(module: string): boolean {
  return module in LANGCHAIN_1X || LANGCHAIN_1X_PACKAGES.some((p) => module.startsWith(`${p}.`) && !(module in LANGCHAIN_MOVES));
}

/** The pip name of a module's distribution. */
export function packageOf(module: string): string {
  return module.split('.')[0].replace(/_/g, '-');
}

/**
 * langchain 0.1–0.3 re-exported these modules' objects under the old paths: importing from
 * here gives the same class. The partner packages (`langchain_openai`, …) hold their own,
 * newer implementations.
 */
function isSameObject(module: string): boolean {
  return /^langchain_(core|community|text_splitters)\b/.test(module);
}
